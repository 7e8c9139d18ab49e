-- Escape attempt: replace a function in the string library.
string.rep = function() return "owned" end
return {
  score = function(a, b) return 0 end,
}
