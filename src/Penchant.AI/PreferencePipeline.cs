using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Penchant.AI.Diagnostics;
using Penchant.Domain;
using Penchant.Learning.Feedback;
using Penchant.Signals;

namespace Penchant.AI;

/// <summary>
/// The one implementation behind <see cref="PreferenceChatClient"/> and <see cref="PreferenceContextProvider"/>: before a
/// request it learns from the reaction to the previous answer, observes the new messages and selects for the request; after
/// it, it remembers which preferences the answer was given with.
/// </summary>
internal sealed class PreferencePipeline
{
    private const int SeenCapacity = 200_000;
    private const int AnswerCapacity = 50_000;

    private readonly IPenchant _engine;
    private readonly PreferenceMiddlewareOptions _options;
    private readonly ILogger _logger;
    private readonly SeenMessages _seen = new(SeenCapacity);
    private readonly ConcurrentDictionary<UInt128, string[]> _answers = new();
    private readonly ConcurrentQueue<UInt128> _answerOrder = new();

    public PreferencePipeline(IPenchant engine, PreferenceMiddlewareOptions options, ILogger logger)
    {
        _engine = engine;
        _options = options;
        _logger = logger;
    }

    /// <summary>Learns from the new messages of a request and selects the preferences that apply to it.</summary>
    public async Task<PreparedRequest> PrepareAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? chatOptions, CancellationToken cancellationToken)
    {
        UserKey? resolved = _options.UserResolver(messages, chatOptions);
        if (resolved is not { } user)
        {
            Log.NoUser(_logger);
            return PreparedRequest.None;
        }

        long started = Stopwatch.GetTimestamp();
        using Activity? activity = PreferenceChatTelemetry.ActivitySource.StartActivity("penchant.chat.prepare");
        try
        {
            UInt128[] prints = SeenMessages.Fingerprints(user, messages);
            int last = LastUserIndex(messages);
            ReactionOutcome? reaction = null;
            if (_options.LearnFromReactions && last >= 0 && !_seen.Contains(prints[last]))
            {
                reaction = await ReactAsync(user, messages, last, cancellationToken);
            }

            // The current request is observed after selecting for it (with the answer it follows, which a choice refers to):
            // what it states applies to this answer through the request itself, and must not be selected back for it.
            int split = last >= 1 && messages[last - 1].Role == ChatRole.Assistant ? last - 1 : Math.Max(last, 0);
            var before = new List<ConversationTurn>();
            var after = new List<ConversationTurn>();
            for (int i = 0; i < messages.Count; i++)
            {
                if (!_seen.Contains(prints[i]) && ToTurn(messages[i]) is { } turn)
                {
                    (i < split || last < 0 ? before : after).Add(turn);
                }
            }

            int observed = 0;
            if (_options.ObserveTurns && before.Exists(static t => t.IsUser))
            {
                await _engine.ObserveAsync(user, before, cancellationToken);
                observed += before.Count;
            }

            Selection selection = Selection.Empty;
            if (_options.ApplyPreferences && last >= 0 && Clip(messages[last].Text) is { Length: > 0 } request)
            {
                selection = await _engine.SelectAsync(user, new RequestContext(request), cancellationToken);
            }

            if (_options.ObserveTurns && after.Exists(static t => t.IsUser))
            {
                await _engine.ObserveAsync(user, after, cancellationToken);
                observed += after.Count;
            }

            foreach (UInt128 print in prints)
            {
                _seen.Add(print);
            }

            string? block = selection.IsEmpty ? null : _options.FormatBlock(selection);
            double elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            Record(activity, selection, block, reaction, observed, elapsed, _options.EnableSensitiveData);
            Log.Prepared(_logger, observed, selection.Preferences.Count, elapsed * 1000);
            if (block is not null && _options.EnableSensitiveData && _logger.IsEnabled(LogLevel.Trace))
            {
                Log.InjectedBlock(_logger, block);
            }

            return new PreparedRequest(user, selection, block);
        }
        catch (Exception exception) when (_options.FailOpen && exception is not OperationCanceledException)
        {
            Log.EngineFailed(_logger, exception);
            PreferenceChatTelemetry.Failures.Add(1);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            return PreparedRequest.None;
        }
    }

    /// <summary>Returns a copy of the messages with the block placed as a system message; the caller's list is untouched.</summary>
    public IReadOnlyList<ChatMessage> Inject(IReadOnlyList<ChatMessage> messages, string block)
    {
        var copy = new List<ChatMessage>(messages.Count + 1);
        copy.AddRange(messages);
        var system = new ChatMessage(ChatRole.System, block);
        int at = _options.Placement switch
        {
            PreferencePlacement.First => 0,
            PreferencePlacement.BeforeLastUserMessage => Math.Max(0, LastUserIndex(messages)),
            _ => LeadingSystemCount(messages),
        };
        copy.Insert(at, system);
        return copy;
    }

    /// <summary>Remembers which preferences an answer was given with, on the answer itself and in a bounded in-process table.</summary>
    public void Completed(PreparedRequest prepared, IList<ChatMessage> answer)
    {
        if (prepared.User is not { } user)
        {
            return;
        }

        string[] applied = prepared.AppliedIds;
        var text = new StringBuilder();
        foreach (ChatMessage message in answer)
        {
            if (message.Role == ChatRole.Assistant)
            {
                message.AdditionalProperties ??= [];
                message.AdditionalProperties[PreferenceMiddlewareOptions.AppliedPropertyName] = string.Join(',', applied);
                text.Append(message.Text);
            }
        }

        RememberAnswer(user, text.ToString(), applied);
    }

    /// <summary>Remembers which preferences a streamed answer was given with (streamed updates do not carry them to the caller's history).</summary>
    public void CompletedStreaming(PreparedRequest prepared, string answerText)
    {
        if (prepared.User is { } user)
        {
            RememberAnswer(user, answerText, prepared.AppliedIds);
        }
    }

    private static int LastUserIndex(IReadOnlyList<ChatMessage> messages)
    {
        for (int i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LeadingSystemCount(IReadOnlyList<ChatMessage> messages)
    {
        int count = 0;
        while (count < messages.Count && messages[count].Role == ChatRole.System)
        {
            count++;
        }

        return count;
    }

    private static UInt128 AnswerKey(UserKey user, string answer)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(user.ToString() + "\u0001" + answer.Trim()), hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }

    private static void Record(Activity? activity, Selection selection, string? block, ReactionOutcome? reaction, int observed, double elapsed, bool sensitive)
    {
        if (PreferenceChatTelemetry.PrepareDuration.Enabled)
        {
            PreferenceChatTelemetry.PrepareDuration.Record(elapsed);
        }

        if (PreferenceChatTelemetry.Injected.Enabled)
        {
            PreferenceChatTelemetry.Injected.Add(selection.Preferences.Count);
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("gen_ai.operation.name", "chat");
            activity.SetTag("penchant.messages.observed", observed);
            activity.SetTag("penchant.preferences.selected", selection.Preferences.Count);
            activity.SetTag("penchant.preferences.ids", string.Join(',', selection.Preferences.Select(static p => p.Preference.Id)));
            if (reaction is not null)
            {
                activity.SetTag("penchant.reaction.label", reaction.Classification.Label.ToString().ToLowerInvariant());
            }

            if (sensitive && block is not null)
            {
                activity.SetTag("penchant.preferences.block", block);
            }
        }
    }

    private string? Clip(string text)
    {
        text = text.Trim();
        return text.Length <= _options.MaxObservedLength ? text : text[.._options.MaxObservedLength];
    }

    private ConversationTurn? ToTurn(ChatMessage message)
    {
        string role = message.Role == ChatRole.User ? ConversationTurn.UserRole
            : message.Role == ChatRole.Assistant ? ConversationTurn.AssistantRole
            : string.Empty;
        string text = message.Text;
        return role.Length == 0 || string.IsNullOrWhiteSpace(text) || text.Length > _options.MaxObservedLength || text.Contains('\0', StringComparison.Ordinal)
            ? null
            : new ConversationTurn(role, text);
    }

    private async Task<ReactionOutcome?> ReactAsync(UserKey user, IReadOnlyList<ChatMessage> messages, int last, CancellationToken cancellationToken)
    {
        // A reaction is the user's message right after an answer this middleware gave, to the request before that answer.
        if (last < 2 || messages[last - 1].Role != ChatRole.Assistant || Clip(messages[last].Text) is not { Length: > 0 } turn)
        {
            return null;
        }

        ChatMessage answer = messages[last - 1];
        string[]? applied = null;
        if (answer.AdditionalProperties?.TryGetValue(PreferenceMiddlewareOptions.AppliedPropertyName, out object? value) == true && value is string ids)
        {
            applied = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        else if (_answers.TryGetValue(AnswerKey(user, answer.Text), out string[]? remembered))
        {
            applied = remembered;
        }

        int previous = LastUserIndex([.. messages.Take(last - 1)]);
        if (applied is null || previous < 0)
        {
            return null;
        }

        string? request = Clip(messages[previous].Text);
        ReactionClassification? classification = _options.ReactionClassifier is { } classifier
            ? await classifier.ClassifyAsync(request, answer.Text, turn, cancellationToken)
            : null;
        ReactionOutcome outcome = await _engine.ReactAsync(
            user,
            new Reaction(turn) { Request = string.IsNullOrWhiteSpace(request) ? null : request, Answer = answer.Text, AppliedPreferenceIds = applied, Classification = classification },
            cancellationToken);

        string label = outcome.Classification.Label.ToString().ToLowerInvariant();
        if (PreferenceChatTelemetry.Reactions.Enabled)
        {
            PreferenceChatTelemetry.Reactions.Add(1, new KeyValuePair<string, object?>("penchant.reaction.label", label));
        }

        Log.Reacted(_logger, label, applied.Length);
        if (_options.EnableSensitiveData && _logger.IsEnabled(LogLevel.Trace))
        {
            Log.ReactionReason(_logger, outcome.Classification.Reason);
        }

        return outcome;
    }

    private void RememberAnswer(UserKey user, string answer, string[] applied)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return;
        }

        UInt128 key = AnswerKey(user, answer);
        if (_answers.TryAdd(key, applied))
        {
            _answerOrder.Enqueue(key);
            while (_answers.Count > AnswerCapacity && _answerOrder.TryDequeue(out UInt128 oldest))
            {
                _answers.TryRemove(oldest, out _);
            }
        }
        else
        {
            _answers[key] = applied;
        }
    }
}

/// <summary>What <see cref="PreferencePipeline.PrepareAsync"/> found for one request.</summary>
/// <param name="User">The user, or <see langword="null"/> when none was identified (or the engine failed).</param>
/// <param name="Selection">The preferences that apply.</param>
/// <param name="Block">The system block to inject, or <see langword="null"/> when nothing applies.</param>
internal sealed record PreparedRequest(UserKey? User, Selection Selection, string? Block)
{
    public static PreparedRequest None { get; } = new(null, Selection.Empty, null);

    public string[] AppliedIds => [.. Selection.Preferences.Select(static p => p.Preference.Id)];
}
