import Foundation

/// Executables built beside the test bundle in the build folder.
public enum VouchExecutable {
    /// The `vouch` executable.
    public static let url = beside("vouch")
    /// `Tests/SandboxProbe`: a stand-in for a hijacked decoder, which enters the
    /// analysis child's sandbox and then tries what an attacker would.
    public static let sandboxProbe = beside("SandboxProbe")

    private static func beside(_ name: String) -> URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }
}
