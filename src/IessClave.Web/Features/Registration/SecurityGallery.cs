namespace IessClave.Web.Features.Registration;

public sealed record SecurityImage(int Id, string Name, string FileName)
{
    public string Url => $"/img/seguridad/{FileName}";
}

public sealed record SecurityQuestion(int Id, string Text);

/// <summary>The fixed gallery of security images and the list of security questions.</summary>
public static class SecurityGallery
{
    public static readonly IReadOnlyList<SecurityImage> Images =
    [
        new(1, "Sol", "sol.svg"), new(2, "Montaña", "montana.svg"), new(3, "Árbol", "arbol.svg"),
        new(4, "Casa", "casa.svg"), new(5, "Estrella", "estrella.svg"), new(6, "Luna", "luna.svg"),
        new(7, "Corazón", "corazon.svg"), new(8, "Pez", "pez.svg"), new(9, "Flor", "flor.svg"),
        new(10, "Barco", "barco.svg"), new(11, "Llave", "llave.svg"), new(12, "Nube", "nube.svg"),
    ];

    public static readonly IReadOnlyList<SecurityQuestion> Questions =
    [
        new(1, "¿Cuál es el nombre de tu primera mascota?"),
        new(2, "¿En qué ciudad nació tu madre?"),
        new(3, "¿Cuál es el nombre de tu escuela primaria?"),
        new(4, "¿Cuál es tu comida favorita?"),
        new(5, "¿Cuál es el segundo nombre de tu padre?"),
        new(6, "¿Cómo se llamaba tu mejor amigo de la infancia?"),
    ];

    public static SecurityImage? FindImage(int id) => Images.FirstOrDefault(i => i.Id == id);

    public static SecurityQuestion? FindQuestion(int id) => Questions.FirstOrDefault(q => q.Id == id);
}
