import Foundation

/// The `Code` and `Message` of the XML error document S3 answers a failed request with
/// (`<Error><Code>SignatureDoesNotMatch</Code><Message>…</Message></Error>`). Only these two
/// leaf elements are needed, so they are picked out of the text rather than parsed as XML.
struct S3ErrorDocument: Equatable {
    let code: String?
    let message: String?

    init(_ text: String) {
        code = Self.element("Code", in: text)
        message = Self.element("Message", in: text)
    }

    private static func element(_ name: String, in text: String) -> String? {
        guard let start = text.range(of: "<\(name)>"),
              let end = text.range(of: "</\(name)>", range: start.upperBound..<text.endIndex) else { return nil }
        return unescaped(String(text[start.upperBound..<end.lowerBound]))
    }

    private static func unescaped(_ text: String) -> String {
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
