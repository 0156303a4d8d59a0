import Hummingbird
import VouchMediaStore
import VouchStore

/// Review media as browsers fetch it: `/media/renditions/…` and `/media/posters/…` for
/// shoppers, only while the clip is published; `/moderate/media/…` for moderators, held
/// clips and originals included. Keys are content addresses, so a public object is
/// served as immutable; a clip taken down answers 404 from the next request on, since
/// every request checks the clip's status (the media sweep then deletes the bytes).
struct MediaRoutes: Sendable {
    let store: Store
    let responder: MediaResponder

    static let publicKinds: Set<String> = ["renditions", "posters"]
    static let moderatedKinds: Set<String> = ["originals", "renditions", "posters"]

    /// Shoppers' media, at `/media/…`.
    func registerPublic(on router: some RouterMethods<VouchRequestContext>) {
        for method in [HTTPRequest.Method.get, .head] {
            router.on("/media/{kind}/{name}", method: method) { request, context in
                try await serve(request, context: context, kinds: Self.publicKinds, cache: "public, max-age=31536000, immutable") { key in
                    try await store.isPublicMedia(key)
                }
            }
        }
    }

    /// Moderators' media, at `media/…` in their group (`/moderate/media/…`).
    func registerModerated(on moderators: some RouterMethods<VouchRequestContext>) {
        for method in [HTTPRequest.Method.get, .head] {
            moderators.on("media/{kind}/{name}", method: method) { request, context in
                try await serve(request, context: context, kinds: Self.moderatedKinds, cache: "private, max-age=300") { key in
                    try await store.isModeratedMedia(key)
                }
            }
        }
    }

    private func serve(_ request: Request, context: VouchRequestContext, kinds: Set<String>, cache: String,
                       allowed: (String) async throws -> Bool) async throws -> Response {
        let notFound = Problem.notFound("no media of a review you may see has this address")
        guard let kind = context.parameters.get("kind"), kinds.contains(kind), let name = context.parameters.get("name"),
              let key = try? MediaKey("\(kind)/\(name)"), try await allowed(key.rawValue),
              let media = try await responder.store.describe(key)
        else { throw notFound }
        return try await responder.respond(to: request, with: media, cache: cache)
    }
}
