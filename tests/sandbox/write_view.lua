-- Escape attempt: change an attendee for the strategies that come after.
return {
  score = function(a, b)
    a.name = "Mallory"
    return 0
  end,
}
