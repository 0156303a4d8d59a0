import Hummingbird
import VouchPipeline
import VouchStore

/// The moderator UI's routes under `/moderate`: login and logout, the queue, an item's
/// evidence and its keyframes, decisions, and the audit log.
///
/// Every route but the login form needs a session; every POST but the login needs the
/// session's CSRF token, and the login form carries its own double-submit token.
struct ModerationRoutes: Sendable {
    let store: Store
    let sessions: ModeratorSessions
    let login: ModeratorLogin
    let settings: ModerationSettings
    let pages = PageRenderer()
    /// Held clips' media and originals, for the item page's players.
    let media: MediaRoutes
    /// Publishes the clips held only for content a moderator banks as benign.
    let release: HeldCopyRelease
    static let queuePageSize = 50
    static let auditPageSize = 100

    init(store: Store, settings: ModerationSettings, registry: LiveRegistry, media: MediaRoutes, release: HeldCopyRelease) {
        self.store = store
        self.media = media
        self.release = release
        self.settings = settings
        sessions = ModeratorSessions(store: store, settings: settings, registry: registry)
        login = ModeratorLogin(registry: registry, settings: settings, store: store)
    }

    func register(on router: some RouterMethods<VouchRequestContext>) {
        let ui = router.group("/moderate")
            .add(middleware: ModerationPageErrors(pages: pages))
        ui.get("login") { request, _ in try loginPage(request) }
        ui.post("login") { request, context in try await logIn(request, context: context) }
        let signedIn = ui.group().add(middleware: ModeratorAuthenticator(sessions: sessions))
        let accounts = signedIn.group().add(middleware: RequireModerator(merchantsToo: true))
        accounts.post("logout") { request, context in try await logOut(request, context: context) }
        MerchantPages(routes: self).register(on: accounts)
        let moderators = signedIn.group().add(middleware: RequireModerator())
        moderators.get { request, context in try await queue(request, context: context) }
        moderators.get("clips/{id}") { request, context in try await item(request, context: context) }
        moderators.get("clips/{id}/keyframes/{position}.jpg") { _, context in try await keyframe(context: context) }
        moderators.post("clips/{id}/decisions") { request, context in try await decide(request, context: context) }
        moderators.get("audit") { request, context in try await audit(request, context: context) }
        moderators.post("clips/{id}/common-content") { request, context in try await bankSegment(request, context: context) }
        moderators.get("common-content") { request, context in try await commonContentPage(request, context: context) }
        moderators.post("common-content/{entry}/remove") { request, context in try await removeCommonContent(request, context: context) }
        media.registerModerated(on: moderators)
        SuppressionReportRoutes(store: store).register(moderators: moderators) { report, _, context in
            try pages.render(SuppressionPage(moderator: try self.signedIn(context).1, report: report), template: "suppression")
        }
    }

    /// The signed-in moderator (``RequireModerator`` lets no one else through) and the
    /// header's view of them.
    func signedIn(_ context: VouchRequestContext) throws -> (SignedInModerator, ModeratorView) {
        let moderator = try context.requireModerator()
        return (moderator, ModeratorView(name: moderator.account.name, role: moderator.account.role.rawValue,
                                         csrf: moderator.session.csrfToken, isAdmin: moderator.account.role == .admin,
                                         isMerchant: moderator.account.role == .merchant))
    }

    /// Reads a POSTed form; a malformed one is a 400.
    func form<Form: Decodable>(_ type: Form.Type, from request: Request, context: some RequestContext) async throws -> Form {
        do {
            return try await URLEncodedFormDecoder().decode(Form.self, from: request, context: context)
        } catch {
            throw Problem.badRequest("the form is incomplete or malformed")
        }
    }

    static func clipID(_ context: some RequestContext) throws(Problem) -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound("clip ids are numbers") }
        return id
    }
}
