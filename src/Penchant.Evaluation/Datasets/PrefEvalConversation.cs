using Penchant.Signals;

namespace Penchant.Evaluation.Datasets;

/// <summary>A PrefEval item with the conversation that reveals its preference and the turn that reveals it.</summary>
/// <param name="Item">The item (topic, index, preference, question).</param>
/// <param name="Prefix">The messages before the filler: the preference turn and acknowledgement (explicit), the query, options, selection and acknowledgement (choice-based), or the persona chat (persona-driven).</param>
/// <param name="Revealing">The user turn that reveals the preference; a hit is a selected preference that came from it.</param>
public sealed record PrefEvalConversation(PrefEvalItem Item, IReadOnlyList<ConversationTurn> Prefix, string Revealing);
