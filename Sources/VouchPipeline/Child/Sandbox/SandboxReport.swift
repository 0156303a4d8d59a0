/// Which sandbox layers an analysis child managed to enter. A layer the machine
/// lacks (an old kernel, a container that forbids namespaces) is skipped, not
/// fatal, unless the settings require it; the report is how the operator finds out.
public struct SandboxReport: Sendable, Codable, Equatable, CustomStringConvertible {
    /// A layer the child could not enter, and the system's reason.
    public struct Missing: Sendable, Codable, Equatable {
        public var layer: SandboxLayer
        public var reason: String

        package init(layer: SandboxLayer, reason: String) {
            self.layer = layer
            self.reason = reason
        }
    }

    public var active: [SandboxLayer] = []
    public var missing: [Missing] = []
    /// The Landlock ABI version in force, when Landlock is active.
    public var landlockABI: Int?

    package init(active: [SandboxLayer]) {
        self.active = active
    }

    public var description: String {
        let active = active.map { $0 == .landlock ? "landlock (ABI \(landlockABI ?? 0))" : $0.rawValue }
        let missing = missing.map { "\($0.layer.rawValue) (\($0.reason))" }
        return "active: \(active.joined(separator: ", "))" + (missing.isEmpty ? "" : "; unavailable: \(missing.joined(separator: ", "))")
    }
}
