import Foundation
import Hummingbird
import VouchFingerprint
import VouchStore

extension ModerationRoutes {
    struct BankForm: Decodable {
        var csrf: String?
        var match: Int64?
        var segment: Int?
        var reason: String?
    }

    struct RemovalForm: Decodable {
        var csrf: String?
        var reason: String?
    }

    /// `POST /moderate/clips/{id}/common-content`: puts one matched segment of the clip in
    /// the benign bank (the frames of the clip it spans), then publishes the clips held
    /// only because of matches inside it. Admins only: like the reference bank, it changes
    /// how every later clip is judged.
    func bankSegment(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let moderator = try context.requireModerator()
        let id = try Self.clipID(context)
        let form = try await self.form(BankForm.self, from: request, context: context)
        try moderator.checkCSRF(form.csrf)
        try moderator.checkAdmin("adding to the benign bank")
        let reason = try Self.reason(form.reason)
        guard let matched = form.match, let number = form.segment,
              let stored = try await store.matches(clip: id).first(where: { $0.matchedClipID == matched }),
              let alignment = try? JSONDecoder().decode(FingerprintMatch.self, from: Data(stored.alignment.utf8))
        else { throw Problem.notFound("clip \(id) has no such match") }
        let segments = alignment.segments + (alignment.commonSegments ?? [])
        guard segments.indices.contains(number - 1) else { throw Problem.notFound("the match has no segment \(number)") }
        guard let data = try await store.fingerprint(clip: id), let fingerprint = try? VideoFingerprint(binary: data) else {
            throw Problem.notFound("clip \(id) has no fingerprint")
        }
        let excerpt = fingerprint.excerpt(segments[number - 1].querySpan(step: fingerprint.frameStep))
        let entry = try await store.addCommonContent(excerpt.binary(), seconds: excerpt.duration, source: .moderator,
                                                     addedBy: moderator.account.name, reason: reason, seenIn: [id, matched])
        let released = try await release.releaseHeldClips(reason: "its matches lie in common content \(moderator.account.name) banked from clip \(id)")
        return Response.redirect(to: PageFormat.link("/moderate/common-content", [("added", "\(entry.id)"), ("released", "\(released.count)")]), type: .normal)
    }

    /// `GET /moderate/common-content`: the bank, learned and banked entries alike.
    func commonContentPage(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let (moderator, view) = try signedIn(context)
        let entries = try await store.commonContent()
        let page = CommonContentPage(moderator: view, entries: entries, mayRemove: moderator.account.role == .admin,
                                     added: request.uri.queryParameters.get("added", as: Int64.self),
                                     released: request.uri.queryParameters.get("released", as: Int.self))
        return try pages.render(page, template: "common-content")
    }

    /// `POST /moderate/common-content/{entry}/remove`: takes an entry out of the bank, audited.
    /// Clips it released stay published; later clips are judged without it.
    func removeCommonContent(_ request: Request, context: VouchRequestContext) async throws -> Response {
        let moderator = try context.requireModerator()
        guard let entry = context.parameters.get("entry", as: Int64.self) else { throw Problem.notFound("entries are numbered") }
        let form = try await self.form(RemovalForm.self, from: request, context: context)
        try moderator.checkCSRF(form.csrf)
        try moderator.checkAdmin("removing from the common-content bank")
        guard try await store.removeCommonContent(id: entry, moderator: moderator.account.name, reason: try Self.reason(form.reason)) else {
            throw Problem.notFound("there is no common-content entry \(entry)")
        }
        return Response.redirect(to: PageFormat.link("/moderate/common-content", [("removed", "\(entry)")]), type: .normal)
    }

    private static func reason(_ reason: String?) throws(Problem) -> String {
        guard let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty, reason.count <= 2000 else {
            throw Problem.badRequest("give a reason of at most 2000 characters")
        }
        return reason
    }
}
