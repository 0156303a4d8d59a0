import Hummingbird
import VouchStore

extension ModerationRoutes {
    struct DecisionForm: Decodable {
        var csrf: String?
        var action: String?
        var reason: String?
    }

    /// `GET /moderate/clips/{id}`: the item page.
    func item(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let (moderator, view) = try signedIn(context)
        let id = try Self.clipID(context)
        guard let item = try await ModerationItem.load(clip: id, from: store) else { throw Problem.notFound("clip \(id) does not exist") }
        return try pages.render(ItemPage(item, moderator: view, role: moderator.account.role), template: "item")
    }

    /// `GET /moderate/clips/{id}/keyframes/{position}.jpg`: one stored keyframe, to moderators only.
    func keyframe(context: VouchRequestContext) async throws -> Response {
        let id = try Self.clipID(context)
        guard let position = context.parameters.get("position", as: Int.self),
              let jpeg = try await store.keyframeJPEG(clip: id, position: position)
        else { throw Problem.notFound("clip \(id) has no such keyframe") }
        return Response(status: .ok, headers: PageRenderer.headers(contentType: "image/jpeg", cache: "private, max-age=3600"),
                        body: ResponseBody(byteBuffer: ByteBuffer(data: jpeg)))
    }

    /// `POST /moderate/clips/{id}/decisions`: a decision with its reason, under the
    /// session's CSRF token and the moderator's role; back to the queue afterwards.
    func decide(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let moderator = try context.requireModerator()
        let id = try Self.clipID(context)
        let form = try await self.form(DecisionForm.self, from: request, context: context)
        try moderator.checkCSRF(form.csrf)
        guard let action = form.action.flatMap(ModerationAction.init(rawValue:)) else {
            throw Problem.badRequest("choose a decision: \(ModerationAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try moderator.checkAllowed(action)
        guard let reason = form.reason, reason.count <= 2000 else { throw Problem.badRequest("give a reason of at most 2000 characters") }
        do {
            try await store.decide(action, clip: id, moderator: moderator.account.name, reason: reason)
        } catch let error as ModerationError {
            throw Self.problem(error)
        }
        return Response.redirect(to: PageFormat.link("/moderate", [("decided", "\(id)"), ("action", action.rawValue)]), type: .normal)
    }

    private static func problem(_ error: ModerationError) -> Problem {
        switch error {
        case .clipNotFound: return Problem.notFound(error.description)
        case .notDecidable: return Problem(.conflict, "not-decidable", title: "The clip cannot take this decision", detail: error.description)
        case .reasonMissing: return Problem.badRequest(error.description)
        }
    }
}
