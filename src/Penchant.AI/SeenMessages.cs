using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Penchant.Domain;

namespace Penchant.AI;

/// <summary>
/// Remembers, in process and bounded, which messages of which conversations were already observed, so that a chat client
/// resending the whole history each turn has only its new messages observed. A message is identified by a hash of the user
/// and the conversation up to and including it. After a restart, or past the bound, earlier messages are observed again,
/// which reinforces the preferences they state rather than duplicating them.
/// </summary>
internal sealed class SeenMessages(int capacity)
{
    private readonly ConcurrentDictionary<UInt128, byte> _seen = new();
    private readonly ConcurrentQueue<UInt128> _order = new();

    /// <summary>Computes the identity of each message: a hash chained over the conversation so far.</summary>
    public static UInt128[] Fingerprints(UserKey user, IReadOnlyList<ChatMessage> messages)
    {
        var prints = new UInt128[messages.Count];
        Span<byte> hash = stackalloc byte[32];
        byte[] previous = Encoding.UTF8.GetBytes(user.ToString());
        for (int i = 0; i < messages.Count; i++)
        {
            byte[] text = Encoding.UTF8.GetBytes(messages[i].Role.Value + "\u0001" + messages[i].Text);
            byte[] input = new byte[previous.Length + text.Length];
            previous.CopyTo(input, 0);
            text.CopyTo(input, previous.Length);
            SHA256.HashData(input, hash);
            prints[i] = new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
            previous = hash[..16].ToArray();
        }

        return prints;
    }

    public bool Contains(UInt128 fingerprint) => _seen.ContainsKey(fingerprint);

    public void Add(UInt128 fingerprint)
    {
        if (_seen.TryAdd(fingerprint, 0))
        {
            _order.Enqueue(fingerprint);
            while (_seen.Count > capacity && _order.TryDequeue(out UInt128 oldest))
            {
                _seen.TryRemove(oldest, out _);
            }
        }
    }
}
