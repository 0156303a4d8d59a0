import CSandbox
#if canImport(Glibc)
import Glibc
#endif

extension Sandbox {
    /// Landlock's rights, numbered as in the kernel's `uapi/linux/landlock.h`. A
    /// ruleset denies every right it handles unless a rule allows it, so the child
    /// handles every right its kernel knows and allows only reading the clip.
    enum Landlock {
        static let writeFile: UInt64 = 1 << 1
        static let readFile: UInt64 = 1 << 2
        static let truncate: UInt64 = 1 << 14

        /// Execute, write, read, list and create of every kind (ABI 1), then rename
        /// across directories (2), truncate (3) and device ioctls (5).
        static func fileSystemRights(abi: Int32) -> UInt64 {
            var rights: UInt64 = (1 << 13) - 1
            if abi >= 2 { rights |= 1 << 13 }
            if abi >= 3 { rights |= 1 << 14 }
            if abi >= 5 { rights |= 1 << 15 }
            return rights
        }

        /// TCP bind and connect (ABI 4).
        static func networkRights(abi: Int32) -> UInt64 {
            abi >= 4 ? 0b11 : 0
        }

        /// Abstract Unix sockets and signals to processes outside the sandbox (ABI 6).
        static func scopes(abi: Int32) -> UInt64 {
            abi >= 6 ? 0b11 : 0
        }

        /// Restricts the calling thread, and everything it starts, to reading `path` and
        /// to reading, writing and truncating each of `outputs` (the MP4 muxer reads its
        /// output back to move the index to the front); the ABI version in force. A
        /// missing clip leaves no file readable at all, and the media layer then reports
        /// it missing (`stat` is not restricted); a missing output stays unwritable.
        static func restrict(toReading path: String, writing outputs: [String] = []) throws(Unavailable) -> Int {
            let abi = vouch_landlock_abi()
            try Unavailable.check(abi, "landlock_create_ruleset(VERSION)")
            let ruleset = vouch_landlock_create_ruleset(fileSystemRights(abi: abi), networkRights(abi: abi), scopes(abi: abi))
            try Unavailable.check(ruleset, "landlock_create_ruleset")
            defer { close(ruleset) }
            let clip = open(path, O_RDONLY | O_CLOEXEC)
            if clip >= 0 {
                defer { close(clip) }
                try Unavailable.check(vouch_landlock_allow_beneath(ruleset, clip, readFile), "landlock_add_rule")
            }
            for output in outputs {
                let file = open(output, O_RDONLY | O_CLOEXEC)
                guard file >= 0 else { continue }
                defer { close(file) }
                let rights = readFile | writeFile | (abi >= 3 ? truncate : 0)
                try Unavailable.check(vouch_landlock_allow_beneath(ruleset, file, rights), "landlock_add_rule")
            }
            try Unavailable.check(vouch_landlock_restrict_self(ruleset), "landlock_restrict_self")
            return Int(abi)
        }
    }
}
