#ifndef VOUCH_CSANDBOX_H
#define VOUCH_CSANDBOX_H

#include <stdint.h>
#include <sys/types.h>

// Thin wrappers over the Linux calls the analysis child's sandbox needs. They exist
// because Swift cannot call variadic C functions (`syscall`, `prctl`), and because
// the seccomp filter reads most clearly as the BPF macros the kernel documents.
// Each returns -1 and sets errno on failure, as the call it wraps does.

/// fork(2) for a process that may already run other threads. The copy holds only
/// the calling thread, so Landlock and namespaces, which bind the threads that enter
/// them, then bind the whole copy. The copy is killed with SIGKILL when the calling
/// thread ends, keeps only descriptors 0, 1 and 2, so it shares no channel with the
/// threads left behind, blocks no signal, and dies of a crash signal without a
/// crash report. Returns the copy's id in the caller and 0 in the copy.
pid_t vouch_fork_alone(void);

/// The highest Landlock ABI version the kernel supports.
int vouch_landlock_abi(void);

/// A new Landlock ruleset that handles the given rights (all denied until a rule
/// allows them); the ruleset's file descriptor.
int vouch_landlock_create_ruleset(uint64_t handled_fs, uint64_t handled_net, uint64_t scoped);

/// Allows `allowed` file-system rights on the file or directory open as `parent_fd`.
int vouch_landlock_allow_beneath(int ruleset_fd, int parent_fd, uint64_t allowed);

/// Enforces the ruleset on the calling thread and every thread or process it starts.
int vouch_landlock_restrict_self(int ruleset_fd);

/// prctl(PR_SET_NO_NEW_PRIVS): no later execve can gain privileges (set-uid, file
/// capabilities), which also lets an unprivileged process install Landlock and seccomp.
int vouch_set_no_new_privs(void);

/// Moves the calling process into a new network namespace, which holds only a
/// loopback interface that is down. With `with_user_namespace`, first into a new user
/// namespace, which is what lets an unprivileged, single-threaded process do it.
int vouch_unshare_network(int with_user_namespace);

/// Installs, on every thread, a seccomp filter that refuses new processes (fork,
/// vfork, clone without CLONE_THREAD), execve, sockets, io_uring, new namespaces, and
/// reaching into other processes (ptrace, process_vm_readv and _writev, pidfd_getfd).
/// Threads are still allowed, so FFmpeg's frame threads keep working.
int vouch_seccomp_deny_spawning_and_sockets(void);

#endif
