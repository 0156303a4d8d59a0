#define _GNU_SOURCE

#include "CSandbox.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

// The kernel's numbers, so that the build does not depend on how new the installed
// kernel headers are (Debian 12 ships 6.1's, which stop at Landlock ABI 3).
enum { landlock_create_ruleset_version = 1, landlock_rule_path_beneath = 1 };
#define VOUCH_NR_LANDLOCK_CREATE_RULESET 444
#define VOUCH_NR_LANDLOCK_ADD_RULE 445
#define VOUCH_NR_LANDLOCK_RESTRICT_SELF 446

struct vouch_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

struct vouch_path_beneath_attr {
    uint64_t allowed_access;
    int32_t parent_fd;
} __attribute__((packed));

pid_t vouch_fork_alone(void) {
    pid_t parent = getpid();
    pid_t copy = fork();
    if (copy != 0) return copy;
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0 || getppid() != parent) _exit(127);
    if (close_range(3, ~0U, 0) != 0) _exit(127);
    // A crash ends the copy at once: the Swift runtime's crash reporter would run
    // its own code in a compromised process, and needs a program it cannot start.
    static const int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], SIG_DFL);
    // A dispatch thread blocks most signals, SIGXCPU among them: unblocked, the CPU
    // limit ends the copy at its soft limit, as documented, not five seconds later.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    return 0;
}

int vouch_landlock_abi(void) {
    return (int)syscall(VOUCH_NR_LANDLOCK_CREATE_RULESET, NULL, 0, landlock_create_ruleset_version);
}

int vouch_landlock_create_ruleset(uint64_t handled_fs, uint64_t handled_net, uint64_t scoped) {
    // Older kernels accept the larger structure as long as the fields they do not
    // know are zero, so the caller sets only what the running ABI supports.
    struct vouch_ruleset_attr attr = { handled_fs, handled_net, scoped };
    return (int)syscall(VOUCH_NR_LANDLOCK_CREATE_RULESET, &attr, sizeof attr, 0);
}

int vouch_landlock_allow_beneath(int ruleset_fd, int parent_fd, uint64_t allowed) {
    struct vouch_path_beneath_attr attr = { allowed, parent_fd };
    return (int)syscall(VOUCH_NR_LANDLOCK_ADD_RULE, ruleset_fd, landlock_rule_path_beneath, &attr, 0);
}

int vouch_landlock_restrict_self(int ruleset_fd) {
    return (int)syscall(VOUCH_NR_LANDLOCK_RESTRICT_SELF, ruleset_fd, 0);
}

int vouch_set_no_new_privs(void) {
    return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

int vouch_unshare_network(int with_user_namespace) {
    return unshare(CLONE_NEWNET | (with_user_namespace ? CLONE_NEWUSER : 0));
}

#if defined(__x86_64__)
#define VOUCH_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define VOUCH_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#define VOUCH_REFUSE(nr, error) \
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1), \
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (error))

int vouch_seccomp_deny_spawning_and_sockets(void) {
#ifndef VOUCH_AUDIT_ARCH
    errno = ENOSYS;
    return -1;
#else
    struct sock_filter filter[] = {
        // A call made through another architecture's table (int 0x80, x32) has other
        // numbers: the process is killed rather than the filter being bypassed.
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, VOUCH_AUDIT_ARCH, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        VOUCH_REFUSE(__NR_socket, EACCES),
        VOUCH_REFUSE(__NR_socketpair, EACCES),
        VOUCH_REFUSE(__NR_io_uring_setup, EPERM),
        VOUCH_REFUSE(__NR_execve, EPERM),
        VOUCH_REFUSE(__NR_execveat, EPERM),
        VOUCH_REFUSE(__NR_ptrace, EPERM),
        VOUCH_REFUSE(__NR_process_vm_readv, EPERM),
        VOUCH_REFUSE(__NR_process_vm_writev, EPERM),
        VOUCH_REFUSE(__NR_pidfd_getfd, EPERM),
        VOUCH_REFUSE(__NR_unshare, EPERM),
        VOUCH_REFUSE(__NR_setns, EPERM),
#ifdef __NR_fork
        VOUCH_REFUSE(__NR_fork, EPERM),
#endif
#ifdef __NR_vfork
        VOUCH_REFUSE(__NR_vfork, EPERM),
#endif
        // clone3 passes its flags in memory, out of the filter's reach: refusing it
        // with ENOSYS makes glibc fall back to clone(2), whose flags are checked here.
        VOUCH_REFUSE(__NR_clone3, ENOSYS),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_THREAD, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog program = { .len = (unsigned short)(sizeof filter / sizeof filter[0]), .filter = filter };
    long result = syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &program);
    if (result > 0) {
        // TSYNC names a thread that could not be synchronised.
        errno = EAGAIN;
        return -1;
    }
    return (int)result;
#endif
}
