using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;

namespace Baktainer.Abstractions.Tests;

public sealed class SecretTests
{
    [Test]
    public void ToString_NeverShowsValue()
    {
        var secret = new Secret("hunter2");
        Assert.That(secret.ToString(), Is.EqualTo(Secret.Mask));
        Assert.That($"{secret}", Does.Not.Contain("hunter2"));
        Assert.That(secret.Reveal(), Is.EqualTo("hunter2"));
    }

    [Test]
    public void ExecRequestDisplay_MasksEnvironmentValues_QuotesArgs()
    {
        var request = new ExecRequest(["pg_dump", "-d", "my db"], new Dictionary<string, string> { ["PGPASSWORD"] = "hunter2" });
        var text = request.ToDisplayString();
        Assert.That(text, Is.EqualTo($"PGPASSWORD={Secret.Mask} pg_dump -d 'my db'"));
        Assert.That(request.ToString(), Does.Not.Contain("hunter2"));
    }
}
