{1}
{1, 2}
{*a, b}
{a for a in b}
