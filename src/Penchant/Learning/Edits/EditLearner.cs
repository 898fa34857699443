using Microsoft.Extensions.AI;
using Penchant.Signals;
using Penchant.Signals.Codecs;

namespace Penchant.Learning.Edits;

/// <summary>
/// Learns from edits: measures how the user changed an output (shorter, bullet points, no emoji, a greeting, …) and keeps
/// that evidence with the embedding of the context it happened in (<see cref="EditMemory"/>), in the user's model part
/// <see cref="EditMemory.ModelName"/>. Selection and ranking aggregate the nearest contexts' evidence for a new request.
/// </summary>
internal sealed class EditLearner(IEmbeddingGenerator<string, Embedding<float>> embeddings) : ILearner
{
    public bool Reads(EventKind kind) => kind == EditCodec.EditKind;

    public async ValueTask LearnAsync(LearningContext context, PreferenceEvent entry, CancellationToken cancellationToken)
    {
        // An imported entry with a malformed payload carries no edit; it stays in the log untouched.
        if (context.Decode<Edit>(entry) is not { } edit)
        {
            return;
        }

        EditPass pass = context.PassState<EditPass>();
        if (pass.Memory is null)
        {
            ReadOnlyMemory<byte>? stored = await context.Models.GetAsync(EditMemory.ModelName, cancellationToken).ConfigureAwait(false);
            pass.Memory = stored is { } bytes ? EditMemory.FromBytes(bytes.Span) : new EditMemory();
        }

        Embedding<float> vector = await embeddings.GenerateAsync(edit.Context, cancellationToken: cancellationToken).ConfigureAwait(false);
        pass.Memory.Learn(entry.Id, vector.Vector.Span, edit.Output, edit.Edited);
        context.Models.Set(EditMemory.ModelName, pass.Memory.ToBytes());
    }

    /// <summary>The memory as this pass over the log has left it, so a replay parses it once.</summary>
    internal sealed class EditPass
    {
        public EditMemory? Memory { get; set; }
    }
}
