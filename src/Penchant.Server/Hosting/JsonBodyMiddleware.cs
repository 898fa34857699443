using System.Buffers;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Penchant.Server.Writes;

namespace Penchant.Server.Hosting;

/// <summary>
/// Reads a JSON request body once before the endpoint binds it and answers an unreadable one (invalid UTF-8, malformed,
/// nested too deeply, a key twice in one object) with its own problem details and JSON path (<see cref="JsonBodyValidator"/>).
/// An empty body is only marked (<see cref="JsonBindingErrors.EmptyBodyItem"/>): whether it is allowed is the endpoint's
/// to say (<c>POST /v1/train</c> takes none).
/// </summary>
internal sealed class JsonBodyMiddleware(RequestDelegate next, IOptions<ServiceOptions> options)
{
    /// <summary>Handles a request.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task that completes when the request was handled.</returns>
    public async Task InvokeAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        IAcceptsMetadata? accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is { } requestType)
        {
            context.Items[JsonBindingErrors.RequestTypeItem] = requestType;
        }

        if (accepts is null || !request.HasJsonContentType())
        {
            await next(context);
            return;
        }

        // The body is read once into a pooled buffer, validated there, and bound from it (no file buffering, no second copy).
        PooledBody body = await PooledBody.ReadAsync(request.Body, request.ContentLength, context.RequestAborted);
        context.Response.RegisterForDispose(body);
        request.Body = body.Stream;

        JsonBodyError? error = JsonBodyValidator.Validate(body.Span, options.Value.MaxJsonDepth);
        if (error is { Code: ApiProblems.EmptyBody })
        {
            context.Items[JsonBindingErrors.EmptyBodyItem] = true;
        }
        else if (error is not null)
        {
            await ApiProblems.From(error).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>A request body read whole into a buffer rented from the shared pool, returned when the response is disposed.</summary>
    private sealed class PooledBody : IDisposable
    {
        private byte[] _buffer;
        private readonly int _length;

        private PooledBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            _length = length;
            Stream = new MemoryStream(buffer, 0, length, writable: false);
        }

        /// <summary>Gets the body as a read-only stream, for binding.</summary>
        public MemoryStream Stream { get; }

        /// <summary>Gets the body's bytes.</summary>
        public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

        /// <summary>Reads a body whole (its size is capped upstream by <see cref="RequestSizeLimitMiddleware"/>).</summary>
        public static async Task<PooledBody> ReadAsync(Stream source, long? declaredLength, CancellationToken cancellationToken)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(declaredLength is > 0 and < int.MaxValue ? (int)declaredLength.Value + 1 : 4096);
            int length = 0;
            try
            {
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }

            return new PooledBody(buffer, length);
        }

        public void Dispose()
        {
            byte[] buffer = Interlocked.Exchange(ref _buffer, []);
            if (buffer.Length > 0)
            {
                Stream.Dispose();
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
