using Penchant.Domain;
using Penchant.Engine;
using Penchant.Signals;

namespace Penchant.Selecting;

/// <summary>Selection with the shipped gate over the real MiniLM model.</summary>
public sealed class SelectionQueryTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("How far is Lyon from Geneva by road?")]
    [InlineData("What's the distance between Porto and Madrid?")]
    public async Task SelectAsync_KnowledgeFormQuestion_SelectsTheUnitPreference(string question)
    {
        // Arrange: a question about the world still needs the user's units; the other preferences have nothing to do with it.
        var (engine, _, _) = fixture.Create();
        var user = new UserKey("atlas", "traveller");
        string units = (await engine.RememberAsync(user, new Statement("Show me distances in kilometres, please."), Ct)).Created[0].Id;
        await engine.RememberAsync(user, new Statement("I have a penicillin allergy."), Ct);
        await engine.RememberAsync(user, new Statement("Play me some bossa nova while I cook."), Ct);

        // Act
        Selection selection = await engine.SelectAsync(user, new RequestContext(question), Ct);

        // Assert
        SelectedPreference selected = Assert.Single(selection.Preferences);
        Assert.Equal(units, selected.Preference.Id);
    }
}
