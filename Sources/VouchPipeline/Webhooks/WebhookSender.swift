import Foundation
import VouchStore

/// Sends one webhook request and says how it went: the seam between the dispatcher's
/// retry logic and the network.
public protocol WebhookSender: Sendable {
    /// Posts `body` to one of the destination's checked addresses, and gives up when
    /// `timeout` has passed since the call, whatever stage the exchange is at.
    func post(_ body: Data, to destination: WebhookDestination, headers: [String: String], timeout: Duration) async -> DeliveryResult
}
