import Foundation

/// The built `vouch` executable, beside the test bundle in the build folder.
public enum VouchExecutable {
    public static let url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vouch")
}
