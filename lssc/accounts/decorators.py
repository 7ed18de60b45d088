from django.contrib.auth.decorators import user_passes_test

from .two_factor import staff_powers

# Staff pages outside the admin: active staff with two-factor. Anyone else is sent to
# sign in (the middleware sends staff without two-factor to enrol first).
staff_required = user_passes_test(staff_powers)
