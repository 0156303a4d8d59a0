import Foundation
import VouchIdentity
import VouchStore

/// Checks one event of a signal batch, naming the first field that is wrong.
struct SignalReader {
    let now: Date
    /// Made once per batch: a formatter costs far more to make than to use.
    private let plain = ISO8601DateFormatter()
    private let fractional: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    init(now: Date) {
        self.now = now
    }
    /// Events stamped further ahead than this are refused: a clock that far off is a bug.
    static let futureTolerance: TimeInterval = 300
    /// Events older than this are refused: no window looks that far back.
    static let oldest: TimeInterval = 90 * 86_400

    /// Why an event was refused.
    struct Refusal: Error {
        let detail: String
        init(_ detail: String) { self.detail = detail }
    }

    func read(_ event: SignalBatch.Event) throws(Refusal) -> DemandEvent {
        let id = try Self.text(event.id, "id")
        let account = try Self.text(event.account, "account")
        let product = try Self.text(event.product, "product")
        guard let name = event.kind else { throw Refusal("kind is missing") }
        guard let kind = DemandKind(rawValue: name) else {
            throw Refusal("kind '\(name.prefix(50))' is not one of \(DemandKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let text = event.at else { throw Refusal("at is missing: give the time as ISO 8601, e.g. 2026-12-01T10:00:00Z") }
        guard let at = plain.date(from: text) ?? fractional.date(from: text) else { throw Refusal("at '\(text.prefix(50))' is not an ISO 8601 date-time, e.g. 2026-12-01T10:00:00Z") }
        guard at.timeIntervalSince(now) <= Self.futureTolerance else { throw Refusal("at is more than 5 minutes in the future") }
        guard now.timeIntervalSince(at) <= Self.oldest else { throw Refusal("at is more than 90 days ago") }
        let quantity = event.quantity ?? 1
        guard (1...1_000).contains(quantity) else { throw Refusal("quantity must be from 1 to 1000") }
        return DemandEvent(id: id, account: account, product: product, kind: kind, at: at, quantity: quantity)
    }

    private static func text(_ value: String?, _ field: String) throws(Refusal) -> String {
        guard let value, !value.isEmpty else { throw Refusal("\(field) is missing") }
        guard value.unicodeScalars.count <= 200 else { throw Refusal("\(field) is longer than 200 characters") }
        return value
    }
}
