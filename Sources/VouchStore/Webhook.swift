import Foundation
import VouchModel

/// A platform's subscription to verdict changes of its own clips.
public struct Webhook: Sendable, Equatable {
    public var id: Int64
    public var platformID: String
    public var url: String
    public var events: [WebhookEvent]
    public var createdAt: Date
}

/// What a webhook can be told: a clip of the platform's reached a verdict, or changed it;
/// or one of its pre-order campaigns reached its threshold of trusted intent.
public enum WebhookEvent: String, Sendable, Codable, CaseIterable {
    case clipPublished = "clip.published"
    case clipFlagged = "clip.flagged"
    case clipRejected = "clip.rejected"
    case clipFailed = "clip.failed"
    case demandThreshold = "demand.threshold"

    /// The event a clip reaching `status` raises; none for the pipeline's own steps.
    public init?(status: ClipStatus) {
        switch status {
        case .published: self = .clipPublished
        case .flagged: self = .clipFlagged
        case .rejected: self = .clipRejected
        case .failed: self = .clipFailed
        case .received, .processing, .erased: return nil
        }
    }
}

/// A delivery taken from the outbox for one attempt: where to send what, signed with which secret.
public struct PendingDelivery: Sendable, Equatable {
    public var id: Int64
    public var webhookID: Int64
    public var url: String
    public var secret: String
    public var event: WebhookEvent
    /// The JSON body, exactly as it is signed and sent.
    public var payload: String
    /// Attempts so far, this one included.
    public var attempt: Int
}

/// How one attempt went: the receiver's status code, or why there was none.
public struct DeliveryResult: Sendable, Equatable {
    public var statusCode: Int?
    public var error: String?
    public var duration: Duration

    public init(statusCode: Int?, error: String?, duration: Duration) {
        self.statusCode = statusCode
        self.error = error
        self.duration = duration
    }

    /// A 2xx answer: the receiver has the event.
    public var delivered: Bool { statusCode.map { (200..<300).contains($0) } ?? false }
}

/// A delivery as its log shows it to the platform: the event, where it stands, and each attempt.
public struct DeliveryLogEntry: Sendable, Equatable {
    /// Where a delivery stands: waiting for its next attempt, received, or given up on.
    public enum State: String, Sendable, Codable {
        case pending, delivered, failed
    }

    public var id: Int64
    public var event: WebhookEvent
    public var state: State
    public var createdAt: Date
    public var finishedAt: Date?
    public var attempts: [Attempt]

    /// One recorded attempt.
    public struct Attempt: Sendable, Equatable {
        public var number: Int
        public var at: Date
        public var statusCode: Int?
        public var error: String?
        public var durationMilliseconds: Double
    }
}
