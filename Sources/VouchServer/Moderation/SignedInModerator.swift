import VouchEncoding
import VouchStore

/// The moderator a request comes from, found through its session cookie.
struct SignedInModerator: Sendable {
    var account: ModeratorAccount
    var session: ModeratorSession
    /// The SHA-256 of the session id: what logout deletes.
    var storageKey: String

    /// Checks a form's synchroniser token against this session's, in constant time.
    func checkCSRF(_ presented: String?) throws(Problem) {
        guard let presented, ConstantTime.equal(presented, session.csrfToken) else {
            throw Problem(.forbidden, "csrf-rejected", title: "The form is stale or forged",
                          detail: "the form's CSRF token does not match this session; reload the page and submit again")
        }
    }

    /// Refuses a decision the moderator's role does not allow.
    func checkAllowed(_ action: ModerationAction) throws(Problem) {
        guard account.role.may(action) else {
            throw Problem(.forbidden, "forbidden", title: "Not allowed for this role",
                          detail: "'\(action.rawValue)' needs the admin role; \(account.name) is a \(account.role.rawValue)")
        }
    }
}
