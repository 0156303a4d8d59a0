import Hummingbird
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
    static let queuePageSize = 50
    static let auditPageSize = 100

    init(store: Store, settings: ModerationSettings, registry: LiveRegistry) {
        self.store = store
        self.settings = settings
        sessions = ModeratorSessions(store: store, settings: settings, registry: registry)
        login = ModeratorLogin(registry: registry, settings: settings, store: store)
    }

    func register(on router: Router<VouchRequestContext>) {
        let group = router.group("/moderate").add(middleware: ModerationPageErrors(pages: pages))
        group.get("login") { request, _ in try loginPage(request) }
        group.post("login") { request, context in try await logIn(request, context: context) }
        group.post("logout") { request, context in try await logOut(request, context: context) }
        group.get { request, _ in try await queue(request) }
        group.get("clips/{id}") { request, context in try await item(request, context: context) }
        group.get("clips/{id}/keyframes/{position}.jpg") { request, context in try await keyframe(request, context: context) }
        group.post("clips/{id}/decisions") { request, context in try await decide(request, context: context) }
        group.get("audit") { request, _ in try await audit(request) }
        MerchantPages(routes: self).register(on: group)
    }

    /// The signed-in moderator and the header's view of them; a merchant account may use
    /// only the demand pages (`merchantsToo`).
    func signedIn(_ request: Request, merchantsToo: Bool = false) async throws -> (SignedInModerator, ModeratorView) {
        let moderator = try await sessions.moderator(for: request)
        guard merchantsToo || moderator.account.role != .merchant else {
            throw Problem(.forbidden, "forbidden", title: "Not allowed for this role",
                          detail: "merchant accounts see trusted demand at /moderate/demand, not moderation")
        }
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
