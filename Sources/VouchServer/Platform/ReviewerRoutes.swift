import Foundation
import Hummingbird
import VouchStore

/// `DELETE /v1/reviewers/{account}`: a platform erases what one of its reviewers gave
/// Vouch (``Store/eraseReviewer(platform:account:by:)``), for a deletion request under
/// GDPR article 17. Another platform's reviewer of the same name is untouched.
struct ReviewerRoutes: Sendable {
    let store: Store

    func register(on router: some RouterMethods<VouchRequestContext>) {
        router.delete("/v1/reviewers/{account}") { _, context in
            let platform = try context.requirePlatform()
            guard let account = context.parameters.get("account")?.removingPercentEncoding, !account.isEmpty, account.unicodeScalars.count <= 200 else {
                throw Problem.badRequest("reviewer accounts are 1–200 characters")
            }
            do {
                let erasure = try await store.eraseReviewer(platform: platform.id, account: account, by: "platform:\(platform.id)")
                return try JSONAnswer.response(ErasureBody(clips: erasure.clips))
            } catch StoreError.notFound {
                throw Problem.notFound("this platform has no reviewer '\(account)' (or it was erased before)")
            }
        }
    }
}

/// What an erasure touched: the reviewer's clips, now erased; their media is deleted by the media sweep.
struct ErasureBody: Encodable, Sendable {
    var clips: [Int64]
}
