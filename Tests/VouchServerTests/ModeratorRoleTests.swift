import Testing
import VouchServer
import VouchStore

@Suite struct ModeratorRoleTests {
    @Test func moderatorsDecideClipsAndAdminsAlsoActBeyondThem() {
        #expect(ModerationAction.allCases.filter(ModeratorRole.moderator.may) == [.approve, .reject])
        #expect(ModerationAction.allCases.allSatisfy(ModeratorRole.admin.may))
    }
}
