namespace Penchant.Evaluation.Datasets;

/// <summary>
/// Reads HH-RLHF's conversation format ("\n\nHuman: …\n\nAssistant: …"). The benchmark project links this file; one
/// reader keeps the evaluations and the benchmarks on the same texts.
/// </summary>
internal static class HhRlhfConversation
{
    private const string HumanMarker = "\n\nHuman: ";
    private const string AssistantMarker = "\n\nAssistant: ";

    /// <summary>Splits a conversation into its last human turn and the final assistant response.</summary>
    /// <param name="conversation">The whole conversation.</param>
    /// <returns>The prompt and the response; both empty when there is no assistant turn, the prompt empty when no human turn precedes it.</returns>
    public static (string Prompt, string Response) LastTurn(string conversation)
    {
        int assistant = conversation.LastIndexOf(AssistantMarker, StringComparison.Ordinal);
        if (assistant < 0)
        {
            return (string.Empty, string.Empty);
        }

        string response = conversation[(assistant + AssistantMarker.Length)..].Trim();
        int human = conversation.LastIndexOf(HumanMarker, assistant, StringComparison.Ordinal);
        string prompt = human < 0 ? string.Empty : conversation[(human + HumanMarker.Length)..assistant].Trim();
        return (prompt, response);
    }
}
