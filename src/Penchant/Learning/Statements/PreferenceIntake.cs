using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Penchant.Diagnostics;
using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Learning.Statements;

/// <summary>
/// Takes a preference a learner found in an entry into the user's set: reinforces the one it repeats, supersedes the one
/// it revises, or adds it with its applicability hints and embedding.
/// </summary>
/// <remarks>Thread-safe. Shared by every learner that finds preferences in words (statements, turns, corrections).</remarks>
internal sealed class PreferenceIntake(
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IApplicabilityHinter hinter,
    IOptions<PenchantOptions> options,
    ILogger<PreferenceIntake>? logger = null)
{
    private readonly PenchantOptions _options = options.Value;
    private readonly ILogger _logger = logger ?? NullLogger<PreferenceIntake>.Instance;

    /// <summary>Takes the <paramref name="index"/>-th preference found in <paramref name="source"/> into the working set.</summary>
    /// <exception cref="ArgumentException">The user already has <see cref="PenchantOptions.MaxPreferencesPerUser"/> preferences.</exception>
    public async Task TakeAsync(WorkingPreferences working, ExtractedPreference x, PreferenceEvent source, int index, CancellationToken cancellationToken)
    {
        GeneratedEmbeddings<Embedding<float>> vectors = await embeddings.GenerateAsync([x.Text], cancellationToken: cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<float> vector = vectors[0].Vector;
        List<Preference> current = working.Current();
        Reconciler.Decision decision = Reconciler.Decide(x, vector.Span, current, _options);
        if (decision.Kind == Reconciler.DecisionKind.Reinforce)
        {
            Preference existing = decision.Existing!;
            working.Reinforce(existing with
            {
                Sources = [.. existing.Sources, source.Id],
                UpdatedAt = source.At,
                Strength = Math.Max(existing.Strength, x.Strength),
                Confidence = Math.Min(0.99, Math.Max(existing.Confidence, x.Confidence) + 0.02),
            });
            return;
        }

        if (current.Count >= _options.MaxPreferencesPerUser && decision.Kind == Reconciler.DecisionKind.Create)
        {
            throw new ArgumentException($"The user already has {current.Count} preferences, the limit ({nameof(PenchantOptions.MaxPreferencesPerUser)}).");
        }

        if (decision.Kind == Reconciler.DecisionKind.Supersede && !x.Scope.IsScoped && decision.Existing!.Scope.IsScoped)
        {
            // A revision keeps the scope of what it revises: "actually, sign them with my initials" after "sign emails to my boss
            // with my full name" is still about emails to the boss.
            x = x with { Scope = decision.Existing.Scope };
        }

        ApplicabilityHints hints = await hinter.HintAsync(x, cancellationToken).ConfigureAwait(false);
        string id = "pf_" + source.Id[(source.Id.IndexOf('_', StringComparison.Ordinal) + 1)..] + (index == 0 ? string.Empty : "_" + index);
        var created = new Preference
        {
            Id = id,
            Text = x.Text,
            Kind = x.Kind,
            Polarity = x.Polarity,
            Strength = x.Strength,
            Scope = x.Scope,
            Sources = [source.Id],
            Confidence = x.Confidence,
            CreatedAt = source.At,
            UpdatedAt = source.At,
            Hints = hints,
            Embedding = vector,
        };
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            Log.PreferenceText(_logger, id, x.Text);
        }

        if (decision.Kind == Reconciler.DecisionKind.Supersede)
        {
            working.Supersede(decision.Existing! with { SupersededBy = id, UpdatedAt = source.At });
        }

        working.Add(created);
    }
}
