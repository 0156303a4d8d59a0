import ServiceLifecycle

/// A process's workers as one service, so that a graceful shutdown reaches all of them at
/// once (a group shuts its services down one after another) and they drain together.
struct WorkerPool: Service {
    let workers: [Worker]

    func run() async {
        await withDiscardingTaskGroup { group in
            for worker in workers {
                group.addTask { await worker.run() }
            }
        }
    }
}
