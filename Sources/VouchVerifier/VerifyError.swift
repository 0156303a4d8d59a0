/// Why `vouch verify` could not finish its checks (as opposed to checks that failed).
public enum VerifyError: Error, Equatable, CustomStringConvertible {
    case server(String)
    case state(String)

    public var description: String {
        switch self {
        case .server(let why): return why
        case .state(let why): return "the saved checkpoint cannot be used: \(why)"
        }
    }
}
