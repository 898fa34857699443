using Microsoft.Extensions.Options;
using Penchant.Domain;
using Penchant.Learning.Principles;
using Penchant.Learning.Ranking;
using Penchant.Ranking;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Explaining;

/// <summary>
/// The explain query: reads a user's judgements from the event log (comparisons, choices, and edits that changed the
/// output: the edit is preferred to the output) and distils them into principles with <see cref="PrincipleMiner"/>; then
/// applies the user's verdicts on principles read from the same log (the latest verdict on a principle counts): a
/// deleted or corrected principle is not shown, a confirmed one is marked so. For a tenant, the judgements of its users are
/// pooled, and each pooled principle says how many users have it among their own. A user with a learned part of the ranking
/// model also gets candidates from the surface factors it weighs most (see <see cref="RewardModel.SurfaceWeights"/>), kept
/// only if they predict the user's held-back judgements.
/// </summary>
/// <remarks>Thread-safe. Reads the log and the models, never writes them.</remarks>
internal sealed class PrincipleQuery(UserStateCache states, SignalCodecs codecs, RankingModels models, IOptions<PenchantOptions> options)
{
    /// <summary>Explains what was learned about a user.</summary>
    public async Task<IReadOnlyList<Principle>> ExplainAsync(UserKey user, CancellationToken cancellationToken)
    {
        await states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        Judgements judgements = await ReadAsync(user, cancellationToken).ConfigureAwait(false);
        return judgements.Explain();
    }

    /// <summary>Whether a principle is among those the user's judgements propose, shown or hidden by an earlier verdict.</summary>
    public async Task<bool> ProposesAsync(UserKey user, string principleId, CancellationToken cancellationToken)
    {
        Judgements judgements = await ReadAsync(user, cancellationToken).ConfigureAwait(false);
        return judgements.Mine().Any(p => string.Equals(p.Id, principleId, StringComparison.Ordinal));
    }

    /// <summary>Explains what was learned across a tenant, from at most <see cref="PenchantOptions.ExplainMaxUsers"/> users.</summary>
    public async Task<TenantExplanation> ExplainTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        await states.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var pooled = new List<JudgedPair>();
        var users = new Dictionary<string, int>(StringComparer.Ordinal);
        int read = 0;
        bool truncated = false;
        await foreach (string userId in states.Store.ListUsersAsync(tenantId, cancellationToken).ConfigureAwait(false))
        {
            if (read == options.Value.ExplainMaxUsers)
            {
                truncated = true;
                break;
            }

            read++;
            Judgements judgements = await ReadAsync(new UserKey(tenantId, userId), cancellationToken).ConfigureAwait(false);
            pooled.AddRange(judgements.Pairs);
            foreach (Principle own in judgements.Explain())
            {
                users[own.Id] = users.GetValueOrDefault(own.Id) + 1;
            }
        }

        IReadOnlyList<Principle> principles = PrincipleMiner.Mine(pooled);
        return new TenantExplanation([.. principles.Select(p => new TenantPrinciple(p, users.GetValueOrDefault(p.Id)))], read, pooled.Count, truncated);
    }

    private async Task<Judgements> ReadAsync(UserKey user, CancellationToken cancellationToken)
    {
        var judgements = new Judgements();
        StoredModel? stored = await states.Store.GetUserModelAsync(user, RankingModels.Name, cancellationToken).ConfigureAwait(false);
        if (stored is not null && UserPart.FromBytes(stored.Payload.Span) is { } part)
        {
            (RewardModel? model, _) = await models.GetAsync(user.TenantId, cancellationToken).ConfigureAwait(false);
            judgements.LearnedWeights = RewardModel.SurfaceWeights(model, part);
        }

        await foreach (PreferenceEvent entry in states.Store.ReadEventsAsync(user, 0, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Redacted || entry.Text is null)
            {
                continue;
            }

            switch (codecs.Decode(entry))
            {
                case Comparison { Magnitude: not ComparisonMagnitude.Tie } c:
                    judgements.Pairs.Add(new JudgedPair(entry.Id, c.Preferred, c.Rejected));
                    break;
                case Choice choice:
                    for (int i = 0; i < choice.Candidates.Count; i++)
                    {
                        if (i != choice.Chosen)
                        {
                            judgements.Pairs.Add(new JudgedPair(entry.Id, choice.Candidates[choice.Chosen], choice.Candidates[i]));
                        }
                    }

                    break;
                case Edit edit when !string.Equals(edit.Output, edit.Edited, StringComparison.Ordinal):
                    judgements.Pairs.Add(new JudgedPair(entry.Id, edit.Edited, edit.Output));
                    break;
                case PrincipleVerdict verdict:
                    judgements.Verdicts[verdict.PrincipleId] = verdict.Verdict;
                    break;
            }
        }

        return judgements;
    }

    /// <summary>A user's judgements, oldest first, and their latest verdict on each principle.</summary>
    private sealed class Judgements
    {
        public List<JudgedPair> Pairs { get; } = [];

        public Dictionary<string, PrincipleVerdictKind> Verdicts { get; } = new(StringComparer.Ordinal);

        /// <summary>Gets or sets the user's learned ranking weights on the surface factors, or <see langword="null"/> without a learned part.</summary>
        public double[]? LearnedWeights { get; set; }

        public IReadOnlyList<Principle> Mine() => PrincipleMiner.Mine(Pairs, LearnedWeights);

        public IReadOnlyList<Principle> Explain()
        {
            IReadOnlyList<Principle> mined = Mine();
            if (Verdicts.Count == 0)
            {
                return mined;
            }

            var shown = new List<Principle>(mined.Count);
            foreach (Principle p in mined)
            {
                switch (Verdicts.TryGetValue(p.Id, out PrincipleVerdictKind verdict) ? verdict : (PrincipleVerdictKind?)null)
                {
                    case PrincipleVerdictKind.Delete or PrincipleVerdictKind.Correct:
                        break;
                    case PrincipleVerdictKind.Confirm:
                        shown.Add(p with { Status = PrincipleStatus.Confirmed });
                        break;
                    default:
                        shown.Add(p);
                        break;
                }
            }

            return shown;
        }
    }
}
