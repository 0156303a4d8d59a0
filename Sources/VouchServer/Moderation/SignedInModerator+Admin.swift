import VouchStore

extension SignedInModerator {
    /// Refuses what only an admin may do: changes whose effect reaches beyond one clip.
    func checkAdmin(_ what: String) throws(Problem) {
        guard account.role == .admin else {
            throw Problem(.forbidden, "forbidden", title: "Not allowed for this role",
                          detail: "\(what) needs the admin role; \(account.name) is a \(account.role.rawValue)")
        }
    }
}
