-- Escape attempt: the debug library reaches every local and metatable.
return {
  score = function(a, b)
    local registry = debug.getregistry()
    return 0
  end,
}
