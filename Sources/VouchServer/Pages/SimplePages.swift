/// The login form, with its double-submit token and where to go afterwards.
struct LoginPage: Sendable {
    var title = "Moderator login"
    var token: String
    var next: String
    var name: String
    var error: String?
}

/// A refused request, for a person reading it in a browser.
struct ErrorPage: Sendable {
    var title: String
    var status: Int
    var detail: String
    var moderator: ModeratorView?
}
