import ArgumentParser
import ClaimsKit
import Foundation

extension Claims {
    /// `claims text`: prints each input's main text.
    struct TextCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "text",
            abstract: "Print the article text of each page or text file.",
            discussion: """
            A PATH is a file, a folder (walked for .html, .htm, .xhtml, .txt, .md and .pdf files) or - \
            for standard input. HTML is reduced to its article text, a PDF to its text layer in \
            reading order; plain text is printed as read. \
            Inputs that cannot be read are reported on standard error; the others are still \
            processed, and the exit code is then 2.
            """
        )

        @Argument(help: "Files, folders, or - for standard input.")
        var paths: [String]

        @Option(name: .long, help: "Write one file per input under this folder instead of printing.")
        var out: String?

        @Option(name: .long, help: "text: the article text; json: the document (metadata, blocks, text), one JSON object a line.")
        var format: TextRun.Format = .text

        @OptionGroup var parallel: JobsOptions

        @OptionGroup var reading: ReadingOptions

        func validate() throws {
            guard !paths.isEmpty else { throw ValidationError("give at least one PATH") }
        }

        func run() throws {
            let (inputs, missing) = InputDiscovery.discover(paths)
            var failures = missing.count
            for error in missing { StandardError.print("claims: \(error)") }
            let loader = reading.settings.loader(for: inputs)
            let run = TextRun(loader: loader, format: format, outputFolder: out, jobs: parallel.count)
            let output = StandardOutput()
            // Several documents on standard output get `head`-style headers between them.
            let headers = out == nil && format == .text && inputs.count > 1
            var first = true
            run.run(inputs) { outcome in
                switch outcome.result {
                case .success(let bytes):
                    if headers {
                        output.write(Array("\(first ? "" : "\n")==> \(outcome.input.doc) <==\n".utf8))
                        first = false
                    }
                    output.write(bytes)
                case .failure(let error):
                    failures += 1
                    StandardError.print("claims: \(error)")
                }
            }
            output.flush()
            if failures > 0 { throw ExitCode(2) }
        }
    }
}

extension TextRun.Format: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument.utf8.count == 10 else { return nil }
        self.init(iso: argument)
    }
}
