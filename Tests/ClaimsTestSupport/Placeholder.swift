public enum ClaimsTestSupportPlaceholder {}
