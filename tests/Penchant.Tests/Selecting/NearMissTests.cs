using System.Globalization;
using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Engine;
using Penchant.Signals;

namespace Penchant.Selecting;

/// <summary>A selection carries the preferences just below the threshold, with their probabilities and why they were left out.</summary>
public sealed partial class NearMissTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly UserKey Nora = new("acme", "nora");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SelectAsync_ManyPreferences_NearMissesAreTheMostProbableLeftOut()
    {
        // Arrange: seven preferences on different subjects; the request is about one of them
        var (engine, _, _) = fixture.Create();
        foreach (string text in new[]
        {
            "I strictly avoid gluten.",
            "Write my code samples in TypeScript.",
            "I prefer an aisle seat when I fly.",
            "Keep emails to my boss formal.",
            "I like hotels that have a gym.",
            "Never schedule meetings before 10am.",
            "Show temperatures in Celsius.",
        })
        {
            await engine.RememberAsync(Nora, new Statement(text), Ct);
        }

        int current = (await engine.ListAsync(Nora, Ct)).Count;

        // Act
        Selection selection = await engine.SelectAsync(Nora, new RequestContext("Where should I eat dinner in Rome tonight?") { IncludeNearMisses = true }, Ct);

        // Assert: as many near misses as fit, none of them selected, most probable first, each saying why it was left out
        int leftOut = current - selection.Preferences.Count - selection.Excluded.Count;
        Assert.Equal(Math.Min(Selection.MaxNearMisses, leftOut), selection.NearMisses.Count);
        Assert.DoesNotContain(selection.NearMisses, m => selection.Preferences.Any(s => s.Preference.Id == m.Preference.Id));
        Assert.Equal(selection.NearMisses.Select(static m => m.Probability).OrderDescending(), selection.NearMisses.Select(static m => m.Probability));
        foreach (SelectedPreference miss in selection.NearMisses)
        {
            Assert.InRange(miss.Probability, 0.0, 1.0);
            string why = miss.Reasons[0];
            Match below = BelowThreshold().Match(why);
            Assert.True(below.Success || why.StartsWith("outranked by the more specific", StringComparison.Ordinal), why);
            if (below.Success)
            {
                Assert.Equal(miss.Probability, double.Parse(below.Groups["p"].Value, CultureInfo.InvariantCulture), 2);
                Assert.True(miss.Probability < double.Parse(below.Groups["cut"].Value, CultureInfo.InvariantCulture) + 0.005);
            }
        }

        // Nothing below the threshold is applied: the near misses are not in the prompt
        Assert.DoesNotContain(selection.NearMisses, m => selection.PromptBlock.Contains(m.Preference.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SelectAsync_OnePreferenceThatApplies_NoNearMiss()
    {
        var (engine, _, _) = fixture.Create();
        await engine.RememberAsync(Nora, new Statement("I strictly avoid gluten."), Ct);

        Selection selection = await engine.SelectAsync(Nora, new RequestContext("Where should I eat dinner in Rome tonight?") { IncludeNearMisses = true }, Ct);

        Assert.NotEmpty(selection.Preferences);
        Assert.Empty(selection.NearMisses);
    }

    [Fact]
    public async Task SelectAsync_NearMissesNotAskedFor_NoneComputed()
    {
        // Arrange: the same user as above, where preferences are left out
        var (engine, _, _) = fixture.Create();
        foreach (string text in new[] { "I strictly avoid gluten.", "Write my code samples in TypeScript.", "I prefer an aisle seat when I fly." })
        {
            await engine.RememberAsync(Nora, new Statement(text), Ct);
        }

        // Act
        Selection asked = await engine.SelectAsync(Nora, new RequestContext("Where should I eat dinner in Rome tonight?") { IncludeNearMisses = true }, Ct);
        Selection plain = await engine.SelectAsync(Nora, new RequestContext("Where should I eat dinner in Rome tonight?"), Ct);

        // Assert: the same selection; the near misses only when asked for
        Assert.NotEmpty(asked.NearMisses);
        Assert.Empty(plain.NearMisses);
        Assert.Equal(asked.Preferences.Select(static p => p.Preference.Id), plain.Preferences.Select(static p => p.Preference.Id));
    }

    [GeneratedRegex(@"^below the threshold \((?<p>[0-9.]+) < (?<cut>[0-9.]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex BelowThreshold();
}
