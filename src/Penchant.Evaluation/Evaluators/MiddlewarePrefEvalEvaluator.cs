using Microsoft.Extensions.AI;
using Penchant.AI;
using Penchant.Domain;
using Penchant.Evaluation.Datasets;
using Penchant.Signals;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// Runs PrefEval through the chat middleware: for each item a fresh user sends one request holding the conversation that
/// reveals the preference, the filler pairs and the question, to a <see cref="PreferenceChatClient"/> over a recording
/// stand-in model. What the model received is measured: the injected block's preferences, most probable first, and a hit
/// is one that came from the turn that reveals the preference.
/// </summary>
public static class MiddlewarePrefEvalEvaluator
{
    /// <summary>Runs the items and reports, besides the usual tallies, how many preferences the filler turns yielded.</summary>
    public static async Task<(PrefEvalReport Report, double FillerPreferences, int MissingBlocks)> RunAsync(
        IPenchant engine,
        string tenant,
        IReadOnlyList<PrefEvalConversation> items,
        IReadOnlyList<ConversationTurn> filler,
        int parallelism,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        string run = Guid.NewGuid().ToString("N")[..8];
        var model = new RecordingChatClient();
        var client = new PreferenceChatClient(model, engine);
        client.Options.Tenant = tenant;
        client.Options.FailOpen = false;
        var results = new PrefEvalItemResult[items.Count];
        var fillerCounts = new int[items.Count];
        int missingBlocks = 0;
        int finished = 0;
        var fillerTexts = new HashSet<string>(filler.Where(static t => t.IsUser).Select(static t => t.Content), StringComparer.Ordinal);

        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                UserKey user = UserKey.Create(tenant, $"eval-prefeval-mw-{run}-{i}");
                PrefEvalConversation item = items[i];
                var messages = new List<ChatMessage>(item.Prefix.Count + filler.Count + 1);
                messages.AddRange(item.Prefix.Select(ToMessage));
                messages.AddRange(filler.Select(ToMessage));
                messages.Add(new ChatMessage(ChatRole.User, item.Item.Question));
                var options = new ChatOptions { ConversationId = user.UserId, AdditionalProperties = new() { [PreferenceMiddlewareOptions.UserPropertyName] = user } };

                ChatResponse response = await client.GetResponseAsync(messages, options, token);
                IReadOnlyList<ChatMessage> received = model.Requests.TryRemove(user.UserId, out IReadOnlyList<ChatMessage>? sent) ? sent : [];
                string[] applied = response.Messages[^1].AdditionalProperties?.TryGetValue(PreferenceMiddlewareOptions.AppliedPropertyName, out object? ids) == true && ids is string s
                    ? s.Split(',', StringSplitOptions.RemoveEmptyEntries)
                    : [];
                bool injected = received.Any(static m => m.Role == ChatRole.System && m.Text.StartsWith(PreferenceMiddlewareOptions.BlockStart, StringComparison.Ordinal));
                if (injected != (applied.Length > 0))
                {
                    Interlocked.Increment(ref missingBlocks);
                }

                (results[i], fillerCounts[i]) = await ScoreAsync(engine, user, item, applied, injected ? received : [], fillerTexts, token);
                progress?.Report(Interlocked.Increment(ref finished));
            });

        double meanFiller = items.Count == 0 ? 0 : fillerCounts.Average();
        return (PrefEvalReport.From(filler.Count / 2, results), meanFiller, missingBlocks);
    }

    private static ChatMessage ToMessage(ConversationTurn turn) =>
        new(turn.IsUser ? ChatRole.User : ChatRole.Assistant, turn.Content);

    private static async Task<(PrefEvalItemResult Result, int FillerPreferences)> ScoreAsync(
        IPenchant engine, UserKey user, PrefEvalConversation item, string[] applied, IReadOnlyList<ChatMessage> received, HashSet<string> fillerTexts, CancellationToken cancellationToken)
    {
        string? revealing = null;
        var fillerEvents = new HashSet<string>(StringComparer.Ordinal);
        await foreach (PreferenceEvent ev in engine.ExportAsync(user, cancellationToken))
        {
            if (revealing is null && ev.Kind == EventKind.Turn && string.Equals(ev.Text, item.Revealing, StringComparison.Ordinal))
            {
                revealing = ev.Id;
            }

            if (ev.Kind == EventKind.Turn && ev.Text is { } text && fillerTexts.Contains(text))
            {
                fillerEvents.Add(ev.Id);
            }
        }

        IReadOnlyList<Preference> current = await engine.ListAsync(user, cancellationToken);
        Dictionary<string, Preference> byId = current.ToDictionary(static p => p.Id, StringComparer.Ordinal);
        string block = received.FirstOrDefault(static m => m.Role == ChatRole.System && m.Text.StartsWith(PreferenceMiddlewareOptions.BlockStart, StringComparison.Ordinal))?.Text ?? string.Empty;
        var selected = new List<SelectedStatement>(applied.Length);
        foreach (string id in applied)
        {
            if (!byId.TryGetValue(id, out Preference? preference) || !block.Contains(preference.Text, StringComparison.Ordinal))
            {
                continue;
            }

            bool hit = revealing is not null && preference.Sources.Contains(revealing, StringComparer.Ordinal);
            selected.Add(new SelectedStatement(preference.Text, 0, hit ? [0] : [], hit));
        }

        int fromFiller = current.Count(p => p.Sources.All(fillerEvents.Contains));
        return (PrefEvalItemResult.Score(item.Item, selected), fromFiller);
    }
}
