using Penchant.Server.Api;
using Penchant.Server.Contracts;
using Penchant.Signals;

namespace Penchant.Server.Writes;

/// <summary>
/// The one place a signal's request body becomes the signal: checks every field as the <c>/v1</c> signal endpoints
/// document it and carries metadata and expiry. The endpoints (<see cref="MemoryApi"/>, <see cref="SignalsApi"/>) and
/// each line of a bulk import go through it, so both accept and refuse the same bodies with the same messages.
/// </summary>
internal static class SignalRequests
{
    /// <summary>The statement of a <c>POST …/statements</c> body.</summary>
    /// <exception cref="ArgumentException">A field is missing or invalid; the message names it.</exception>
    public static Statement ToSignal(this RememberRequest request, RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        string text = RequestValidation.Text(request.Text, "text", limits.MaxText);
        RequestValidation.Optional(request.Scope, "scope", limits.MaxText);
        return MetadataQuery.Apply(
            new Statement(text, request.At, string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope), request.Metadata, request.ExpiresAt, request.Ttl);
    }

    /// <summary>The turns of a <c>POST …/observations</c> body, each with the body's metadata and expiry.</summary>
    /// <exception cref="ArgumentException">A field is missing or invalid; the message names it.</exception>
    public static ConversationTurn[] ToSignals(this ObserveRequest request, RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidation.Turns(request.Turns, "turns", limits.MaxText, limits.MaxItems, required: true);
        return [.. request.Turns!.ToDomain().Select(t => MetadataQuery.Apply(t, request.Metadata, request.ExpiresAt, request.Ttl))];
    }

    /// <summary>The comparison of a <c>POST …/comparisons</c> body.</summary>
    /// <exception cref="ArgumentException">A field is missing or invalid; the message names it.</exception>
    public static Comparison ToSignal(this CompareRequest request, RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        string context = RequestValidation.Text(request.Context, "context", limits.MaxText);
        string preferred = RequestValidation.Text(request.Preferred, "preferred", limits.MaxText);
        string rejected = RequestValidation.Text(request.Rejected, "rejected", limits.MaxText);
        ComparisonMagnitude magnitude = request.Magnitude ?? ComparisonMagnitude.Clearly;
        if (!Enum.IsDefined(magnitude))
        {
            throw new ArgumentException("'magnitude' must be tie, slightly, clearly or much.", nameof(request));
        }

        return new Comparison(context, preferred, rejected, magnitude, request.At);
    }

    /// <summary>The rating of a <c>POST …/ratings</c> body.</summary>
    /// <exception cref="ArgumentException">A field is missing or invalid, or the score is outside the scale; the message names it.</exception>
    public static Rating ToSignal(this RateRequest request, RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        string context = RequestValidation.Text(request.Context, "context", limits.MaxText);
        string response = RequestValidation.Text(request.Response, "response", limits.MaxText);
        RequestValidation.Optional(request.Attribute, "attribute", limits.MaxText);
        double score = request.Score ?? throw new ArgumentException("'score' is required.", nameof(request));
        double minimum = request.Minimum ?? 1;
        double maximum = request.Maximum ?? 5;
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || minimum >= maximum)
        {
            throw new ArgumentException($"The scale is empty: 'minimum' ({minimum}) must be below 'maximum' ({maximum}).", nameof(request));
        }

        if (!double.IsFinite(score) || score < minimum || score > maximum)
        {
            throw new ArgumentException($"'score' ({score}) is outside the scale {minimum} to {maximum}.", nameof(request));
        }

        string? attribute = string.IsNullOrWhiteSpace(request.Attribute) ? null : request.Attribute;
        return new Rating(context, response, score, minimum, maximum, attribute, request.At);
    }

    /// <summary>The choice of a <c>POST …/choices</c> body.</summary>
    /// <exception cref="ArgumentException">A field is missing or invalid, or the chosen index is outside the candidates; the message names it.</exception>
    public static Choice ToSignal(this ChooseRequest request, RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        string context = RequestValidation.Text(request.Context, "context", limits.MaxText);
        IReadOnlyList<string> candidates = Handlers.Candidates(limits, request.Candidates, minimum: 2);
        int chosen = request.Chosen ?? throw new ArgumentException("'chosen' is required.", nameof(request));
        if (chosen < 0 || chosen >= candidates.Count)
        {
            throw new ArgumentException($"'chosen' ({chosen}) is outside the {candidates.Count} candidates.", nameof(request));
        }

        return new Choice(context, candidates, chosen, request.At);
    }

    /// <summary>The edit of a <c>POST …/edits</c> body.</summary>
    /// <exception cref="ArgumentException">A field is missing or invalid; the message names it.</exception>
    public static Edit ToSignal(this EditRequest request, RequestLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        string context = RequestValidation.Text(request.Context, "context", limits.MaxText);
        string output = RequestValidation.Text(request.Output, "output", limits.MaxText);
        string edited = RequestValidation.Text(request.Edited, "edited", limits.MaxText);
        return new Edit(context, output, edited, request.At);
    }
}
