import Testing
@testable import VouchDecoding

@Suite struct SamplingScheduleTests {
    private func schedule(fps: Double, frameDuration: Double = 0.04, keyframes: [Double] = [], standInReach: Double = 0) -> SamplingSchedule {
        SamplingSchedule(
            framesPerSecond: fps, frameDuration: frameDuration, keyframeDecodeTimes: keyframes, reorderSlack: 0.08, standInReach: standInReach
        )
    }

    private func take(_ schedule: inout SamplingSchedule, _ time: Double) -> Bool {
        schedule.takes(frameAt: time)
    }

    @Test func takesTheFirstFrameAtOrAfterEachTarget() {
        var schedule = schedule(fps: 1)
        let taken = (0..<100).map { Double($0) * 0.04 }.filter { schedule.takes(frameAt: $0) }
        #expect(taken.count == 4)
        for (time, target) in zip(taken, [0.0, 1, 2, 3]) {
            #expect(abs(time - target) < 0.021)
        }
    }

    @Test func takesEachFrameOnceWhenTheSourceIsSlower() {
        var schedule = schedule(fps: 10, frameDuration: 0.5)
        let taken = [0.0, 0.5, 1.0, 1.5].filter { schedule.takes(frameAt: $0) }
        #expect(taken == [0.0, 0.5, 1.0, 1.5])
    }

    @Test func skipsAGapInTimestampsWithoutLooping() {
        var schedule = schedule(fps: 1)
        #expect(take(&schedule, 0))
        #expect(take(&schedule, 1_000_000))
        #expect(schedule.nextTarget == 1_000_001)
    }

    @Test func dropsPacketsWhoseNextKeyframeComesBeforeTheNextTarget() {
        var schedule = schedule(fps: 0.5, keyframes: [0, 1, 2, 3])
        #expect(take(&schedule, 0))
        #expect(schedule.plan(presentationTime: 0.5, decodeTime: 0.5, isKeyframe: false) == .drop)
        #expect(schedule.plan(presentationTime: 1.0, decodeTime: 1.0, isKeyframe: true) == .decodeForReference)
        #expect(schedule.plan(presentationTime: 1.5, decodeTime: 1.5, isKeyframe: false) == .decodeForReference)
        #expect(schedule.plan(presentationTime: 2.0, decodeTime: 1.96, isKeyframe: false) == .decodeForSample)
    }

    @Test func aReferenceShownJustAfterATargetStandsInForTheFrameOnIt() {
        var schedule = schedule(fps: 1, standInReach: 0.06)
        #expect(take(&schedule, 0))
        #expect(schedule.plan(presentationTime: 1.04, decodeTime: 0.96, isKeyframe: false) == .decodeIfReference, "a stand-in is decoded in full, a non-reference there not at all")
        #expect(schedule.plan(presentationTime: 1.0, decodeTime: 1.0, isKeyframe: false) == .decodeIfReference)
    }

    @Test func aReferenceBeyondTheReachDoesNotStandIn() {
        var schedule = schedule(fps: 1, standInReach: 0.06)
        #expect(take(&schedule, 0))
        #expect(schedule.plan(presentationTime: 1.12, decodeTime: 0.96, isKeyframe: false) == .decodeForReference)
        #expect(schedule.plan(presentationTime: 1.0, decodeTime: 1.0, isKeyframe: false) == .decodeForSample)
    }

    @Test func aReferenceTheNextTargetNeedsDoesNotStandIn() {
        var schedule = schedule(fps: 25, standInReach: 0.06)
        #expect(take(&schedule, 0))
        #expect(schedule.plan(presentationTime: 0.08, decodeTime: 0.04, isKeyframe: false) == .decodeForSample)
        #expect(schedule.plan(presentationTime: 0.04, decodeTime: 0.08, isKeyframe: false) == .decodeForSample)
    }

    @Test func withoutAReachEveryTargetIsDecoded() {
        var schedule = schedule(fps: 1)
        #expect(take(&schedule, 0))
        #expect(schedule.plan(presentationTime: 1.04, decodeTime: 0.96, isKeyframe: false) == .decodeForReference)
        #expect(schedule.plan(presentationTime: 1.0, decodeTime: 1.0, isKeyframe: false) == .decodeForSample)
    }

    @Test func neverDropsWithoutAnIndex() {
        var schedule = schedule(fps: 0.1)
        #expect(take(&schedule, 0))
        #expect(schedule.plan(presentationTime: 5, decodeTime: 5, isKeyframe: false) == .decodeForReference)
        #expect(schedule.plan(presentationTime: nil, decodeTime: nil, isKeyframe: false) == .decodeForSample)
    }
}
