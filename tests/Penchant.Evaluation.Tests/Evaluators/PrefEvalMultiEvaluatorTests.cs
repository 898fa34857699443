using Penchant.Evaluation.Datasets;

namespace Penchant.Evaluation.Evaluators;

public sealed class PrefEvalMultiEvaluatorTests
{
    // Written for this test: three topics per group, so every question has unrelated preferences to draw from.
    private static readonly PrefEvalItem[] Items =
    [
        .. Topic("pet_ownership", "I keep two old cats at home", "Which cat litter should I buy?"),
        .. Topic("entertain_games", "I only play puzzle games", "Which game should I try next?"),
        .. Topic("lifestyle_beauty", "My skin reacts to strong scents", "Which moisturiser suits me?"),
        .. Topic("education_learning_styles", "I learn best from diagrams", "How should I study statistics?"),
    ];

    [Fact]
    public void BuildCases_UsersHoldEightPreferencesAndAThirdExpectNothing()
    {
        IReadOnlyList<SelectionCase> cases = PrefEvalMultiEvaluator.BuildCases(Items, 30, seed: 4);

        Assert.Equal(30, cases.Count);
        Assert.All(cases, c => Assert.Equal(PrefEvalMultiEvaluator.PreferencesPerUser, c.Statements.Count));
        Assert.Equal(10, cases.Count(static c => c.Expected.Count == 0));
        Assert.All(cases.Where(static c => c.Expected.Count == 0), static c => Assert.Equal(GatedCases.NoneCategory, c.Category));
        Assert.All(cases.Where(static c => c.Expected.Count == 1), static c => Assert.Equal(PrefEvalMultiEvaluator.AppliesCategory, c.Category));
    }

    [Fact]
    public void BuildCases_TheOtherPreferencesComeFromUnrelatedTopicsOnly()
    {
        foreach (SelectionCase c in PrefEvalMultiEvaluator.BuildCases(Items, 30, seed: 9))
        {
            PrefEvalItem question = Items.Single(i => i.Question == c.Request);
            for (int k = 0; k < c.Statements.Count; k++)
            {
                PrefEvalItem held = Items.Single(i => i.Preference == c.Statements[k].Text);
                if (c.Expected.Contains(k))
                {
                    Assert.Same(question, held);
                }
                else
                {
                    Assert.False(PrefEvalTopicGroups.AreRelated(held.Topic, question.Topic), $"{held.Topic} is related to {question.Topic}");
                }
            }
        }
    }

    [Fact]
    public void BuildCases_FewestPreferencesGiven_UsersHoldBetweenThatAndEight()
    {
        IReadOnlyList<SelectionCase> cases = PrefEvalMultiEvaluator.BuildCases(Items, 60, seed: 5, minPreferences: 1);

        Assert.All(cases, static c => Assert.InRange(c.Statements.Count, 1, PrefEvalMultiEvaluator.PreferencesPerUser));
        Assert.Contains(cases, static c => c.Statements.Count == 1);
        Assert.Contains(cases, static c => c.Statements.Count == PrefEvalMultiEvaluator.PreferencesPerUser);
        Assert.All(cases.Where(static c => c.Expected.Count == 1), static c => Assert.Equal(c.Request, Items.Single(i => i.Preference == c.Statements[c.Expected[0]].Text).Question));
    }

    [Fact]
    public void BuildCases_SameSeed_SameCases()
    {
        string[] first = [.. PrefEvalMultiEvaluator.BuildCases(Items, 12, seed: 2).Select(static c => c.Request + string.Join("|", c.Statements.Select(static s => s.Text)))];
        string[] again = [.. PrefEvalMultiEvaluator.BuildCases(Items, 12, seed: 2).Select(static c => c.Request + string.Join("|", c.Statements.Select(static s => s.Text)))];

        Assert.Equal(first, again);
    }

    [Fact]
    public void BuildCases_TooFewUnrelatedPreferences_Throws()
    {
        PrefEvalItem[] related = [.. Topic("travel_hotel", "I like quiet rooms", "Where should I stay?"), .. Topic("travel_activities", "I like slow walks", "What should I do there?")];

        Assert.Throws<EvaluationInputException>(() => PrefEvalMultiEvaluator.BuildCases(related, 3, seed: 1));
    }

    [Theory]
    [InlineData("lifestyle_beauty", "shop_fashion", true)]
    [InlineData("travel_hotel", "pet_ownership", true)]
    [InlineData("entertain_games", "pet_ownership", false)]
    [InlineData("unknown_topic", "unknown_topic", true)]
    [InlineData("unknown_topic", "travel_hotel", false)]
    public void AreRelated_FollowsTheGroups(string a, string b, bool expected)
    {
        Assert.Equal(expected, PrefEvalTopicGroups.AreRelated(a, b));
        Assert.Equal(expected, PrefEvalTopicGroups.AreRelated(b, a));
    }

    private static IEnumerable<PrefEvalItem> Topic(string topic, string preference, string question) =>
        Enumerable.Range(0, 6).Select(i => new PrefEvalItem(topic, i, $"{preference} ({i})", $"{question} ({i})"));
}
