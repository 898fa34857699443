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
        PreparedPreference p = Prepare("When I book a restaurant, add it to my calendar too.", "I book a restaurant", ScopeVector(similarity));
        var request = new RequestView(new RequestContext("Reserve a table at Osteria Nonna for Friday at 8."), new float[] { 1, 0 });

        // Act
        GateFeatures f = PreferenceGate.Measure(request, p, []);

        // Assert
        Assert.Equal(expected, f.ScopeMatch, 6);
        Assert.Equal(similarity, f.ScopeSimilarity, 6);
    }

    [Fact]
    public void Measure_ScopeInWordsTheRequestRepeats_IsMet()
    {
        PreparedPreference p = Prepare("For hotels I want free cancellation.", "hotels", ScopeVector(0.1));
        var request = new RequestView(new RequestContext("Find a hotel in Lisbon for May."), new float[] { 1, 0 });

        Assert.Equal(1.0, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Theory]
    [InlineData("Text my mum that dinner is at 7.", 1.0)]
    [InlineData("Text my dad that I'll pick him up at 7.", -1.0)]
    [InlineData("Write an email to my landlord about the heater.", -1.0)]
    public void Measure_PreferenceAddressedToARecipientInItsText_HoldsOnlyForThem(string requestText, double expected)
    {
        // "Messages to my mom …" has no extracted scope; the gate reads the recipient from the text.
        PreparedPreference p = Prepare("Messages to my mom should be in Spanish.", null, null);
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
            Text = "Keep messages to my family in Spanish.",
            Scope = new PreferenceScope { Text = "messages to my family", Tags = new Dictionary<string, string> { ["recipient"] = "family" } },
            Embedding = new float[] { 1, 0 },
        };
        var p = new PreparedPreference(preference, TextTools.ContentStems(preference.Text), [], null, [], null);
        var request = new RequestView(new RequestContext("Text my dad that I'll be late."), new float[] { 1, 0 });

        Assert.Equal(1.0, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Fact]
    public void Measure_UnscopedPreferenceNamingNoRecipient_HasNoScopeMatch()
    {
        PreparedPreference p = Prepare("My mom's name is Rosa.", null, null);
        var request = new RequestView(new RequestContext("Text my dad that I'll be late."), new float[] { 1, 0 });

        Assert.Null(p.Recipient);
        Assert.Equal(0.0, PreferenceGate.Measure(request, p, []).ScopeMatch);
    }

    [Theory]
    [InlineData("I book a restaurant", "book a restaurant")]
    [InlineData("you draft an email for me", "draft an email for me")]
    [InlineData("I ask you to plan a trip", "plan a trip")]
    [InlineData("emails to my boss", "emails to my boss")]
    [InlineData("I", "I")]
    public void ScopePhrase_DropsALeadingSubject(string scope, string expected)
    {
        var preference = new Preference { Id = "pf_1", Text = "When " + scope + ", keep it short.", Scope = new PreferenceScope { Text = scope } };

        Assert.Equal(expected, PreparedPreference.ScopePhrase(preference));
    }

    [Theory]
    [InlineData("Board reports need an exec summary at the top.", "Board reports")]
    [InlineData("Every PR description needs a Testing section.", "PR description")]
    [InlineData("Hotels should be within walking distance of the office.", "Hotels")]
    [InlineData("I should drink more water.", null)]
    [InlineData("Everything should be in metric units.", null)]
    [InlineData("I prefer aisle seats.", null)]
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
    [InlineData("Summarize this article about the ECB rate decision.", "Summarize this article")]
    [InlineData("Book me a flight from Frankfurt to Chicago next Tuesday.", "Book me a flight")]
    [InlineData("Can you give me a recipe for baklava? I want to surprise my sister.", "give me a recipe")]
    [InlineData("Write a method that downloads a file from a URL and saves it to disk.", "Write a method")]
    [InlineData("Write a debounce helper.", null)]
    [InlineData("I'm planning a trip to Colorado. What would you recommend?", null)]
    [InlineData("What should I make for dinner tonight?", null)]
    [InlineData("Help me with this, please.", null)]
    public void Situation_IsAnImperativeWithoutWhatItIsAbout(string request, string? expected) =>
        Assert.Equal(expected, RequestView.Situation(request));

    [Fact]
    public void Measure_HintedKind_IsComparedWithTheRequestAndItsSituation()
    {
        // The hinted kind is orthogonal to the request and identical to its situation.
        PreparedPreference p = Prepare("I like my summaries short.", null, null, hints: [[0f, 1f]]);
        var alone = new RequestView(new RequestContext("Summarize this article about lithium mining in Chile."), new float[] { 1, 0 });
        var withSituation = new RequestView(new RequestContext("Summarize this article about lithium mining in Chile."), new float[] { 1, 0 }, new float[] { 0, 1 });

        Assert.Equal(0.0, PreferenceGate.Measure(alone, p, []).HintSimilarity, 6);
        Assert.Equal(1.0, PreferenceGate.Measure(withSituation, p, []).HintSimilarity, 6);
    }

    [Theory]
    [InlineData("How do airplanes actually stay in the air?", true)]
    [InlineData("Explain how compound interest works with a simple example.", true)]
    [InlineData("Tell me about the history of pasta in Italy.", true)]
    [InlineData("What does 'basis point' mean in the news?", true)]
    [InlineData("Why does my Python script throw KeyError?", true)]
    [InlineData("How do I set up a nightly job that backs up our database?", false)]
    [InlineData("What should I cook for my in-laws on Sunday?", false)]
    [InlineData("Book me a flight to Chicago.", false)]
    public void AsksForKnowledge_IsAQuestionAboutHowTheWorldIs(string request, bool expected) =>
        Assert.Equal(expected, new RequestView(new RequestContext(request), new float[] { 1, 0 }).AsksForKnowledge);

    [Fact]
    public void Measure_QuestionAboutHowTheWorldIs_WeighsNoHintedKindAndNoScope()
    {
        PreparedPreference p = Prepare("When I book flights I want an aisle seat.", "I book flights", ScopeVector(0.9), hints: [[1f, 0f]]);
        var question = new RequestView(new RequestContext("How do airplanes actually stay in the air?"), new float[] { 1, 0 });
        var task = new RequestView(new RequestContext("Find me flights to Tokyo in May."), new float[] { 1, 0 });

        GateFeatures asked = PreferenceGate.Measure(question, p, []);
        GateFeatures done = PreferenceGate.Measure(task, p, []);

        Assert.Equal(0.0, asked.HintSimilarity);
        Assert.Equal(0.0, asked.ScopeMatch);
        Assert.Equal(1.0, done.HintSimilarity, 6);
        Assert.Equal(1.0, done.ScopeMatch);
    }

    [Theory]
    [InlineData("Recommend a few books for me to read on vacation.", 1.0)]
    [InlineData("Find a novel for myself.", 1.0)]
    [InlineData("Recommend a few books for my son's birthday.", 0.0)]
    public void Measure_ScopeForSomeoneElse_IsOutOfScopeForARequestForTheUser(string request, double expected)
    {
        PreparedPreference p = Prepare("When recommending books for my son, keep them age-appropriate.", "recommending books for my son", ScopeVector(0.6));

        GateFeatures f = PreferenceGate.Measure(new RequestView(new RequestContext(request), new float[] { 1, 0 }), p, []);

        Assert.True(p.ScopeIsForSomeoneElse);
        Assert.Equal(expected, f.OutOfScope);
        Assert.True(GateModel.Default.Probability(f) < GateModel.Default.Threshold || expected == 0, "An out-of-scope preference must not be selected.");
    }

    [Fact]
    public void ScopeIsForSomeoneElse_ScopeOfTheUsersOwn_IsFalse() =>
        Assert.False(Prepare("When I book work trips, pick the cheapest fare.", "I book work trips", null).ScopeIsForSomeoneElse);

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
