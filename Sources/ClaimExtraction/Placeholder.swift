/// Placeholder until the claim rules land.
public enum ClaimExtractionPlaceholder {}
