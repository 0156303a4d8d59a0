import ArgumentParser
import Foundation
import Logging
import VouchCommandLine
import VouchStore

/// `vouch jobs`: the job queue as an operator sees it, and the way back for dead jobs.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Inspect the job queue, and queue dead jobs again.",
        subcommands: [JobsListCommand.self, JobsRetryCommand.self]
    )
}

/// `vouch jobs list`: how many jobs are in each state, and the dead ones with their errors.
struct JobsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Count jobs by state and list the dead ones with their last error.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var settings: SettingsOptions

    @Option(help: "Dead jobs to list at most, newest first.")
    var limit = 100

    func run() async throws {
        let opened = try await store.openQuietly(settings.load())
        let counts = try await opened.jobCounts()
        let dead = try await opened.deadJobs(limit: limit)
        try await opened.close()
        for state in [Job.State.queued, .running, .done, .dead] {
            print("\(state.rawValue) \(counts[state] ?? 0)")
        }
        for job in dead {
            print("dead job \(job.id) clip \(job.clipID) attempts \(job.attempts)/\(job.maxAttempts): \(job.lastError ?? "no error recorded")")
        }
    }
}

/// `vouch jobs retry`: queues dead jobs again once their cause is fixed, with an audit entry each.
struct JobsRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Queue dead jobs again, due at once, with a fresh allowance of attempts.",
        discussion: "Fix the cause first (see 'vouch jobs list'). A job whose upload is gone (its clip was rejected for its own content) stays dead."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var settings: SettingsOptions

    @Flag(help: "Every dead job.")
    var all = false

    @Option(name: .customLong("job"), help: "A dead job's id; repeatable.")
    var jobs: [Int64] = []

    @Option(name: .customLong("clip"), help: "A clip whose dead job to retry; repeatable.")
    var clips: [Int64] = []

    func validate() throws {
        guard [all, !jobs.isEmpty, !clips.isEmpty].filter({ $0 }).count == 1 else {
            throw ValidationError("say which dead jobs: --all, or --job ID, or --clip ID (repeatable)")
        }
    }

    func run() async throws {
        let selection: DeadJobSelection = all ? .all : jobs.isEmpty ? .clips(clips) : .jobs(jobs)
        let opened = try await store.openQuietly(settings.load())
        let retried = try await opened.retryDeadJobs(selection, actor: "operator:\(ProcessInfo.processInfo.userName)")
        try await opened.close()
        for job in retried { print("queued job \(job.id) clip \(job.clipID) again") }
        let asked = jobs.count + clips.count
        if asked > retried.count {
            print("\(asked - retried.count) of the \(asked) named were not retried: not dead, unknown, or their upload is gone")
            throw ExitCode.failure
        }
        if retried.isEmpty { print("no dead job could be retried") }
    }
}
