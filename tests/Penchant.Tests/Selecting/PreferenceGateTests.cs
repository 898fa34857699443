using Penchant.Domain;
using Penchant.Language;

namespace Penchant.Selecting;

public sealed class PreferenceGateTests
{
    [Theory]
    [InlineData(0.80, 1.0)]
    [InlineData(0.40, 0.0)]
    [InlineData(0.10, -1.0)]
    public void Measure_ScopeInWordsWithoutSharedWords_IsMetToTheDegreeOfItsSimilarity(double similarity, double expected)
    {
        // Arrange: the scope's vector is at the given cosine from the request's; the request shares none of its words.
        PreparedPreference p = Prepare("When I order takeout, tip fifteen percent.", "I order takeout", ScopeVector(similarity));
        var request = new RequestView(new RequestContext("Get me pad thai delivered from Lotus Garden tonight."), new float[] { 1, 0 });

        // Act
        GateFeatures f = PreferenceGate.Measure(request, p, []);

        // Assert
        Assert.Equal(expected, f.ScopeMatch, 6);
        Assert.Equal(similarity, f.ScopeSimilarity, 6);
    }

    [Fact]
    public void Measure_ScopeInWordsTheRequestRepeats_IsMet()
    {
        PreparedPreference p = Prepare("For museums I want timed-entry tickets.", "museums", ScopeVector(0.1));
        var request = new RequestView(new RequestContext("Find a museum in Turin for a rainy afternoon."), new float[] { 1, 0 });

        Assert.Equal(1.0, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Theory]
    [InlineData("Text my mum that the bus is running late.", 1.0)]
    [InlineData("Text my dad that the spare keys are under the mat.", -1.0)]
    [InlineData("Write an email to my plumber about the dripping tap.", -1.0)]
    public void Measure_PreferenceAddressedToARecipientInItsText_HoldsOnlyForThem(string requestText, double expected)
    {
        // "Notes to my mum …" has no extracted scope; the gate reads the recipient from the text.
        PreparedPreference p = Prepare("Notes to my mum should be in Portuguese.", null, null);
        var request = new RequestView(new RequestContext(requestText), new float[] { 1, 0 });

        Assert.Equal("family", p.Recipient);
        Assert.Equal(expected, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Fact]
    public void Measure_ScopeForTheWholeFamily_IsMetByAnyMember()
    {
        var preference = new Preference
        {
            Id = "pf_1",
            Text = "Write my texts to the family in Portuguese.",
            Scope = new PreferenceScope { Text = "texts to the family", Tags = new Dictionary<string, string> { ["recipient"] = "family" } },
            Embedding = new float[] { 1, 0 },
        };
        var p = new PreparedPreference(preference, TextTools.ContentStems(preference.Text), [], null, [], null);
        var request = new RequestView(new RequestContext("Text my father that I'll call after lunch."), new float[] { 1, 0 });

        Assert.Equal(1.0, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Fact]
    public void Measure_UnscopedPreferenceNamingNoRecipient_HasNoScopeMatch()
    {
        PreparedPreference p = Prepare("My dad's name is Tomasz.", null, null);
        var request = new RequestView(new RequestContext("Text my father that I'll call after lunch."), new float[] { 1, 0 });

        Assert.Null(p.Recipient);
        Assert.Equal(0.0, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Theory]
    [InlineData("I order takeout", "order takeout")]
    [InlineData("you write a cover letter for me", "write a cover letter for me")]
    [InlineData("I ask you to find a ferry", "find a ferry")]
    [InlineData("replies to my landlord", "replies to my landlord")]
    [InlineData("I", "I")]
    public void ScopePhrase_DropsALeadingSubject(string scope, string expected)
    {
        var preference = new Preference { Id = "pf_1", Text = "When " + scope + ", keep it short.", Scope = new PreferenceScope { Text = scope } };

        Assert.Equal(expected, PreparedPreference.ScopePhrase(preference));
    }

    [Theory]
    [InlineData("Slide decks need a summary slide first.", "Slide decks")]
    [InlineData("Every commit message needs a ticket number.", "commit message")]
    [InlineData("Rental cars should have an automatic gearbox.", "Rental cars")]
    [InlineData("I should go to bed earlier.", null)]
    [InlineData("Everything should be in British spelling.", null)]
    [InlineData("I would rather face forward on buses.", null)]
    public void ScopePhrase_Unscoped_IsWhatTheTextIsARuleFor(string text, string? expected)
    {
        var preference = new Preference { Id = "pf_1", Text = text, Embedding = new float[] { 1, 0 } };
        var prepared = new PreparedPreference(preference, TextTools.ContentStems(text), [], null, [], null);

        Assert.Equal(expected, PreparedPreference.ScopePhrase(preference));
        Assert.Equal(expected is not null, prepared.IsScoped);
    }

    [Theory]
    [InlineData("texting my mom", "mother")]
    [InlineData("a card for my mum", "mother")]
    [InlineData("text my dad", "father")]
    [InlineData("my parents", "family")]
    [InlineData("my brother's birthday", "sibling")]
    [InlineData("my boss", null)]
    [InlineData("my grandmother", "grandparent")]
    public void FamilyMemberOf_NamesTheMember(string text, string? expected) => Assert.Equal(expected, Penchant.Learning.Statements.StatementAnalyzer.FamilyMemberOf(text));

    [Theory]
    [InlineData("Summarize this memo on the harbour expansion plans.", "Summarize this memo")]
    [InlineData("Order me a train ticket from Leeds to York on Saturday.", "Order me a train ticket")]
    [InlineData("Could you draft a toast for my cousin's wedding? She loves puns.", "draft a toast")]
    [InlineData("Write a script that renames every photo in a folder by date.", "Write a script")]
    [InlineData("Write a sorting helper.", null)]
    [InlineData("I'm thinking about a cycling week in Normandy. Any tips?", null)]
    [InlineData("What could I bake for the school fair?", null)]
    [InlineData("Help me with that, thanks.", null)]
    public void Situation_IsAnImperativeWithoutWhatItIsAbout(string request, string? expected) =>
        Assert.Equal(expected, RequestView.Situation(request));

    [Fact]
    public void Measure_HintedKind_IsComparedWithTheRequestAndItsSituation()
    {
        // The hinted kind is orthogonal to the request and identical to its situation.
        PreparedPreference p = Prepare("Keep my meeting notes brief.", null, null, hints: [[0f, 1f]]);
        var alone = new RequestView(new RequestContext("Summarize this memo on the harbour expansion plans."), new float[] { 1, 0 });
        var withSituation = new RequestView(new RequestContext("Summarize this memo on the harbour expansion plans."), new float[] { 1, 0 }, new float[] { 0, 1 });

        Assert.Equal(0.0, PreferenceGate.Measure(alone, p, []).HintSimilarity, 6);
        Assert.Equal(1.0, PreferenceGate.Measure(withSituation, p, []).HintSimilarity, 6);
    }

    [Fact]
    public void MeasureAll_HintBehind_IsTheHintSimilarityOfAPreferenceThatIsNotTheBestMatch()
    {
        // The first preference is the request's best match by text; the second trails it but its hinted kind is close.
        PreparedPreference best = Prepare("Pack light for every trip.", null, null, hints: [[1f, 0f]]);
        var trailing = new Preference { Id = "pf_2", Text = "My knees are weak.", Scope = PreferenceScope.Everywhere, Embedding = new float[] { 0, 1 } };
        PreparedPreference second = new(trailing, TextTools.ContentStems(trailing.Text), [[0.6f, 0.8f]], null, [], null);
        var request = new RequestView(new RequestContext("Plan a walking weekend in the hills."), new float[] { 1, 0 });

        GateFeatures[] features = PreferenceGate.MeasureAll(request, [best, second]);

        Assert.Equal(0.0, features[0].HintBehind, 6);
        Assert.Equal(1.0, features[0].HintSimilarity, 6);
        Assert.True(features[1].Rank > 0);
        Assert.Equal(0.6, features[1].HintBehind, 6);
    }

    [Theory]
    [InlineData("How do glaciers carve out valleys?", true)]
    [InlineData("Explain how an offset mortgage saves interest.", true)]
    [InlineData("Tell me about the origins of the tango.", true)]
    [InlineData("What does 'amortisation' mean on a loan statement?", true)]
    [InlineData("Why does my kettle switch off before it boils?", true)]
    [InlineData("How do I rotate the logs on our server every week?", false)]
    [InlineData("What should I wear to a garden party in June?", false)]
    [InlineData("Book me a ferry to Mull.", false)]
    public void AsksForKnowledge_IsAQuestionAboutHowTheWorldIs(string request, bool expected) =>
        Assert.Equal(expected, new RequestView(new RequestContext(request), new float[] { 1, 0 }).AsksForKnowledge);

    [Fact]
    public void Measure_QuestionAboutHowTheWorldIs_KeepsItsHintedKindAndScope()
    {
        // No hand rule zeroes them: the fitted model weighs a knowledge-form question's hint similarity (knowledge_hint).
        PreparedPreference p = Prepare("When I book ferries I want a cabin.", "I book ferries", ScopeVector(0.9), hints: [[1f, 0f]]);
        var question = new RequestView(new RequestContext("How do car ferries keep their balance in a storm?"), new float[] { 1, 0 });

        GateFeatures asked = PreferenceGate.Measure(question, p, []);

        Assert.True(question.AsksForKnowledge);
        Assert.Equal(1.0, asked.HintSimilarity, 6);
        Assert.Equal(1.0, asked.KnowledgeHint, 6);
        Assert.Equal(1.0, asked.ScopeMatch);
    }

    [Theory]
    [InlineData("Suggest some card games for me to play with friends.", 1.0)]
    [InlineData("Find a puzzle game for myself.", 1.0)]
    [InlineData("Suggest some card games for my son's party.", 0.0)]
    public void Measure_ScopeForSomeoneElse_IsOutOfScopeForARequestForTheUser(string request, double expected)
    {
        PreparedPreference p = Prepare("When picking card games for my son, keep the rules simple.", "picking card games for my son", ScopeVector(0.6));

        GateFeatures f = PreferenceGate.Measure(new RequestView(new RequestContext(request), new float[] { 1, 0 }), p, []);

        Assert.True(p.ScopeIsForSomeoneElse);
        Assert.Equal(expected, f.OutOfScope);
        Assert.True(GateModel.Default.Probability(f) < GateModel.Default.Threshold || expected == 0, "An out-of-scope preference must not be selected.");
    }

    [Fact]
    public void ScopeIsForSomeoneElse_ScopeOfTheUsersOwn_IsFalse() =>
        Assert.False(Prepare("When I book ferry crossings, pick the earliest sailing.", "I book ferry crossings", null).ScopeIsForSomeoneElse);

    private static PreparedPreference Prepare(string text, string? scope, float[]? scopeVector, float[][]? hints = null)
    {
        var preference = new Preference
        {
            Id = "pf_1",
            Text = text,
            Scope = scope is null ? PreferenceScope.Everywhere : new PreferenceScope { Text = scope },
            Embedding = new float[] { 1, 0 },
        };
        return new PreparedPreference(preference, TextTools.ContentStems(text), hints ?? [], scopeVector, scope is null ? [] : TextTools.ContentStems(scope), null);
    }

    /// <summary>A unit vector at the given cosine from (1, 0).</summary>
    private static float[] ScopeVector(double similarity) => [(float)similarity, (float)Math.Sqrt(1 - (similarity * similarity))];
}
