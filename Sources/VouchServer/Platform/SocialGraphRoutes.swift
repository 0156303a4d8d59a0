import Foundation
import Hummingbird
import VouchStore

/// The platform API's social graph route: edges between a platform's own users, in bulk.
struct SocialGraphRoutes: Sendable {
    let store: Store
    /// The most edges one platform may hold (`server.maximumEdgesPerPlatform`).
    let maximumHeld: Int
    static let maximumEdges = 10_000
    static let kinds: Set<String> = ["follows", "friend", "vouches-for"]

    struct Batch: Decodable {
        var add: [AccountEdge]?
        var remove: [AccountEdge]?
    }

    struct Result: ResponseEncodable {
        var added: Int
        var removed: Int
    }

    func register(on router: some RouterMethods<VouchRequestContext>) {
        router.post("/v1/social/edges") { request, context -> Result in
            let platform = try context.requirePlatform()
            let batch: Batch
            do {
                batch = try await request.decode(as: Batch.self, context: context)
            } catch let problem as Problem {
                throw problem
            } catch {
                throw Problem.badRequest("the body must be JSON: {\"add\": [{\"from\": account, \"to\": account, \"kind\": \"follows\"}], \"remove\": [...]}")
            }
            let add = batch.add ?? []
            let remove = batch.remove ?? []
            guard add.count + remove.count <= Self.maximumEdges else {
                throw Problem(.contentTooLarge, "too-many-edges", title: "Too many edges",
                              detail: "send at most \(Self.maximumEdges) edges per request; split larger graphs into batches")
            }
            for edge in add + remove {
                guard Self.kinds.contains(edge.kind) else {
                    throw Problem.badRequest("unknown edge kind '\(edge.kind)': use follows, friend or vouches-for")
                }
                guard !edge.from.isEmpty, !edge.to.isEmpty, edge.from.unicodeScalars.count <= 200, edge.to.unicodeScalars.count <= 200 else {
                    throw Problem.badRequest("accounts must be 1–200 characters")
                }
            }
            let id = platform.id
            let removed = try await store.removeEdges(remove, platform: id)
            do {
                return Result(added: try await store.addEdges(add, platform: id, limit: maximumHeld), removed: removed)
            } catch let error as StoreError {
                guard case .quotaExceeded = error else { throw error }
                throw Problem(.conflict, "edge-quota", title: "Too many edges held",
                              detail: "\(error.description); none of this request's edges were added: remove edges first, or ask the operator to raise server.maximumEdgesPerPlatform")
            }
        }
    }
}
