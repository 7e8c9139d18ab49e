-- Escape attempt: never finish loading.
while true do end
return { score = function(a, b) return 0 end }
