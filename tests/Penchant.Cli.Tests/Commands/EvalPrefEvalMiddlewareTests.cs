namespace Penchant.Cli.Commands;

public sealed class EvalPrefEvalMiddlewareTests(CliFixture cli)
{
    [Theory]
    [InlineData("explicit")]
    [InlineData("choice")]
    [InlineData("persona")]
    public async Task EvalPrefEval_Form_RunsThroughTheMiddlewareAndFindsThePreference(string form)
    {
        string data = WriteFixture();

        CliResult result = await cli.RunAsync(["eval", "prefeval", "--data", data, "--form", form, "--turns", "2"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("prefeval: n=1 turns=2 hit1=1.000 hit5=1.000 ", result.Lines[^1], StringComparison.Ordinal);
        Assert.Contains(result.Lines, l => l.StartsWith($"middleware: form={form} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvalPrefEval_UnknownForm_ExitsOne()
    {
        CliResult result = await cli.RunAsync(["eval", "prefeval", "--data", WriteFixture(), "--form", "implicit", "--turns", "1"]);

        Assert.Equal(1, result.ExitCode);
    }

    private string WriteFixture()
    {
        string root = Path.Combine(cli.TempDirectory, "mw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "explicit_preference"));
        Directory.CreateDirectory(Path.Combine(root, "implicit_preference", "choice-based"));
        Directory.CreateDirectory(Path.Combine(root, "implicit_preference", "persona-driven"));
        File.WriteAllText(Path.Combine(root, "explicit_preference", "travel_test.json"), """
            [{"preference": "I get seasick easily, so I avoid boat trips.", "question": "What are some fun activities for a day on the Croatian coast?"}]
            """);
        File.WriteAllText(Path.Combine(root, "implicit_preference", "choice-based", "travel_test.json"), """
            [{"preference": "I absolutely avoid hotels with a bustling nightlife atmosphere.", "question": "Can you suggest some great hotels for my upcoming trip to Las Vegas?",
              "conversation": {"query": "What are some good hotels to stay at in Las Vegas?",
                "assistant_options": "Here are a few:\n1. The Palms Casino Resort is known for its high-energy pool parties and nightlife events.\n2. The Westin Las Vegas Hotel offers a tranquil oasis away from the Strip's hustle and bustle.\n3. The Cosmopolitan is a trendy hotel with a vibrant nightlife scene.",
                "user_selection": "I think I'll go with The Westin Las Vegas Hotel. The other options seem a bit too lively for my taste.",
                "assistant_acknowledgment": "Understood, the Westin sounds like a great choice for a relaxing stay."}}]
            """);
        File.WriteAllText(Path.Combine(root, "implicit_preference", "persona-driven", "travel_test.json"), """
            [{"preference": "I get seasick easily, so I avoid boat trips.", "question": "What are some fun activities for a day on the Croatian coast?",
              "conversation": {
                "0": {"user": "Hi! I'm organising a charity bake sale for our school. Any ideas for best sellers?", "assistant": "Brownies, lemon bars and cupcakes always sell well."},
                "1": {"user": "Great ideas. We might do a summer trip afterwards, though I get seasick easily, so I avoid boat trips. Anyway, how should we price the brownies?", "assistant": "About two dollars each works for a school sale."}}}]
            """);
        File.WriteAllText(Path.Combine(root, "filtered_inter_turns.json"), """
            [{"conversation_id": "a", "conversation": [
                {"role": "user", "content": "How do I reverse a string in Go?"},
                {"role": "assistant", "content": "Convert it to a slice of runes, reverse the slice, and convert it back."},
                {"role": "user", "content": "What is the capital of Canada?"},
                {"role": "assistant", "content": "Ottawa."}]}]
            """);
        return root;
    }
}
