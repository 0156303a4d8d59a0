import Dispatch

/// Where an analysis child is run and its output read: Dispatch's threads, not the
/// cooperative pool.
///
/// A read of a pipe that holds data returns without suspending, and a read that waits is
/// resumed on its task's executor. On the cooperative pool, one thread a core that
/// everything in the worker shares, a child flooding its output would hold a thread, or,
/// on a busy process, wait its turn for every chunk: 100 MB of error output took over a
/// minute under the full test run, where reading on these threads takes seconds.
final class ChildOutputExecutor: TaskExecutor {
    static let shared = ChildOutputExecutor()

    private let queue = DispatchQueue(label: "vouch.child-output", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
