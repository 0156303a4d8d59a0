import MultipartKit
import Hummingbird
import VouchPipeline

/// Reads a review's `multipart/form-data` body as it arrives: the `clip` part streams into
/// the spool and is never held in memory; the `review` and `captions` parts, which are
/// small, are kept up to their bounds. Anything else (an unknown or repeated part, a part
/// without a name, headers that never end, a body cut short) is refused with the reason.
final class ReviewForm {
    /// The parts a review may have.
    enum Part: String, CaseIterable {
        case review, clip, captions

        var limit: Int? {
            switch self {
            case .review: 64 * 1024
            case .captions: 256 * 1024
            case .clip: nil
            }
        }
    }

    /// A whole review as received: the clip in the spool, and the other parts' exact bytes.
    struct Received {
        var clip: SpooledUpload
        var review: [UInt8]
        var captions: [UInt8]?
    }

    /// The most bytes that may arrive without the parser reporting anything: headers and
    /// preambles are short, and a body is reported as it comes.
    static let silentLimit = 64 * 1024

    private let parser: MultipartParser
    private let clip: SpoolWriter
    private var open = false
    private var current: Part?
    private var completed: Set<Part> = []
    private var small: [Part: [UInt8]] = [:]
    private var failure: (any Error)?
    private var reported = false
    private var silentBytes = 0

    init(boundary: String, clip: SpoolWriter) {
        parser = MultipartParser(boundary: boundary)
        self.clip = clip
        parser.onHeader = { [unowned self] name, value in header(name, value) }
        parser.onBody = { [unowned self] buffer in body(buffer) }
        parser.onPartComplete = { [unowned self] in partComplete() }
    }

    /// Parses the next piece of the body; throws the first thing wrong with it.
    func feed(_ buffer: ByteBuffer) throws {
        reported = false
        do {
            try parser.execute(buffer)
        } catch {
            throw Self.malformed("it is not valid multipart/form-data")
        }
        if let failure { throw failure }
        silentBytes = reported ? 0 : silentBytes + buffer.readableBytes
        guard silentBytes <= Self.silentLimit else { throw Self.malformed("more than \(Self.silentLimit) bytes arrived outside any part's body") }
    }

    /// The review once the body has ended, if every part it needs arrived whole.
    func finish() throws -> Received {
        guard !open else { throw Self.malformed("it ended inside the '\(current?.rawValue ?? "unnamed")' part; was the upload cut short?") }
        for part in [Part.review, .clip] where !completed.contains(part) {
            throw Problem(.badRequest, "missing-part", title: "A part is missing",
                          detail: "a review needs a '\(part.rawValue)' part; send review (JSON), clip (the video) and optionally captions (WebVTT)",
                          field: part.rawValue)
        }
        return Received(clip: try clip.finish(), review: small[.review] ?? [], captions: completed.contains(.captions) ? small[.captions] ?? [] : nil)
    }

    private func header(_ name: String, _ value: String) {
        reported = true
        open = true
        guard name.lowercased() == "content-disposition" else { return }
        guard let partName = FormDataHeaders.partName(ofContentDisposition: value) else {
            return fail(Self.malformed("a part's Content-Disposition is not form-data with a name"))
        }
        guard let part = Part(rawValue: partName) else {
            return fail(Problem(.badRequest, "unknown-part", title: "An unknown part was sent",
                                detail: "'\(partName)' is not a part of a review; send review, clip and optionally captions", field: partName))
        }
        guard !completed.contains(part), current == nil else {
            return fail(Problem(.badRequest, "repeated-part", title: "A part was sent twice", detail: "send one '\(partName)' part", field: partName))
        }
        current = part
    }

    private func body(_ buffer: ByteBuffer) {
        reported = true
        guard failure == nil else { return }
        guard let part = current else { return fail(Self.malformed("a part has no Content-Disposition naming it")) }
        if part == .clip {
            do { try clip.write(buffer.readableBytesView) } catch { fail(error) }
            return
        }
        small[part, default: []].append(contentsOf: buffer.readableBytesView)
        if let limit = part.limit, let count = small[part]?.count, count > limit {
            fail(Problem(.contentTooLarge, "part-too-large", title: "A part is too large",
                         detail: "the '\(part.rawValue)' part is limited to \(limit) bytes", field: part.rawValue))
        }
    }

    private func partComplete() {
        reported = true
        guard failure == nil else { return }
        guard let part = current else { return fail(Self.malformed("a part has no Content-Disposition naming it")) }
        completed.insert(part)
        current = nil
        open = false
    }

    private func fail(_ error: any Error) {
        if failure == nil { failure = error }
    }

    private static func malformed(_ reason: String) -> Problem {
        Problem(.badRequest, "malformed-multipart", title: "The multipart body is malformed", detail: "the review's body is refused: \(reason)")
    }
}
